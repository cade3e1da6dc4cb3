#pragma once

#include "serialization/serializer.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

class QCoreApplication;

//! The command line of wampscope-bench, parsed and checked.
struct BenchOptions {
    QString url;
    QByteArray realm = QByteArrayLiteral("realm1");
    wamp::SerializerKind serializer = wamp::SerializerKind::Json;
    QString caFile;
    int payloadBytes = 100;
    bool binary = false;
    qint64 routerPid = 0;
    bool json = false;
    bool smoke = false;
    //! Length of each measured phase; every scenario also stops at `count` operations when it is set.
    double durationSeconds = 5;
    quint64 count = 0;
    int outstanding = 100;
    int callers = 1;
    QList<int> subscribers{1, 10, 100};
    int window = 1000;
    int parallel = 10;
    int sessions = 1000;
    //! Wait before reading the router's RSS after the idle sessions joined.
    double settleSeconds = 1;
    //! Bound of every wait that is not measured: joining, draining, loss detection.
    double timeoutSeconds = 5;
    //! In order, with `all` expanded.
    QStringList scenarios;

    //! Every scenario name `all` stands for, in the order `all` runs them.
    static QStringList allScenarios();
    /*!
     * Parses the command line of \a app (exits for --help and --version). Returns nullopt with \a error set
     * when an option or scenario is not usable.
     */
    static std::optional<BenchOptions> parse(const QCoreApplication& app, QString* error);
};
