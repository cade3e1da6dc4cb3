#pragma once

#include "benchcontext.h"
#include "benchresult.h"

#include <QList>
#include <QObject>
#include <QStringList>

class Scenario;

//! Runs the chosen scenarios one after another and prints the report when the last one is done.
class BenchRunner : public QObject {
    Q_OBJECT

public:
    explicit BenchRunner(BenchContext context, QObject* parent = nullptr);

    void start();

Q_SIGNALS:
    //! 0 when every scenario ran, 1 when one could not (its row says why).
    void finished(int exitCode);

private:
    void runNext();
    Scenario* makeScenario(const QString& name);

    BenchContext m_context;
    QStringList m_queue;
    QList<BenchResult> m_results;
    Scenario* m_current = nullptr;
};
