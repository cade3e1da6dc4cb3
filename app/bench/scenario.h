#pragma once

#include "benchresult.h"

#include <QList>
#include <QObject>

struct BenchContext;
struct BenchOptions;
class LatencyHistogram;

/*!
 * One benchmark scenario: sets up its sessions, runs one or more measured phases (each bounded by --duration
 * and --count) and leaves. Every wait that is not measured is bounded by --timeout.
 */
class Scenario : public QObject {
    Q_OBJECT

public:
    explicit Scenario(const BenchContext& context, QObject* parent = nullptr);

    virtual void start() = 0;
    //! One result per measured phase, filled in by the time finished() is emitted.
    const QList<BenchResult>& results() const { return m_results; }

Q_SIGNALS:
    void finished();

protected:
    const BenchContext& context() const { return m_context; }
    const BenchOptions& options() const;
    //! A result with the scenario, transport and serializer filled in.
    BenchResult newResult(const QString& scenario, const QString& variant, const QString& operation) const;
    void addResult(BenchResult result) { m_results << std::move(result); }
    //! True once \a done operations reach --count (when set).
    bool countReached(quint64 done) const;
    qint64 durationNs() const;
    qint64 timeoutMs() const;
    //! A procedure or topic URI unique to this process.
    QByteArray uri(const char* name) const;
    //! A progress line on stderr (the report goes to stdout).
    void progress(const QString& text) const;
    //! Emits finished() from the event loop, never from inside a client's callback.
    void finishLater();

    static BenchResult::Latency latencyOf(const LatencyHistogram& histogram);

private:
    const BenchContext& m_context;
    QList<BenchResult> m_results;
};
