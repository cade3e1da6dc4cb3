#pragma once

#include <QObject>

namespace wamp {
class Router;
}

//! Writes one line per transport start/failure and session join/leave to stderr.
class RouterLog : public QObject {
    Q_OBJECT

public:
    explicit RouterLog(wamp::Router& router, QObject* parent = nullptr);

    static void write(const QString& line);
};
