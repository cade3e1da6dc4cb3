#pragma once

#include "requesturis.h"
#include "tracechain.h"

#include "trace/tracebuffer.h"
#include "trace/traceentry.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QElapsedTimer>
#include <QList>
#include <QTimer>

#include <functional>

/*
 * The message trace as a table: a fixed-capacity ring of TraceEntry (the oldest rows go when it is full),
 * fed in batches. Cell text is made only when data() asks for it; the rows keep the entries as recorded.
 *
 * Rows are numbered by the ring's serials (row = serial - serial of row 0), not by the recorder's ids, which
 * start over with a new router. Entries are kept as the recorder made them, batch by batch, never copied.
 *
 * A URI is shown for every message of an exchange: a RESULT, INVOCATION, YIELD or EVENT carries no URI on
 * the wire, so on arrival it takes the one of the CALL or PUBLISH it belongs to (RequestUris).
 *
 * Updates: by default every batch is inserted when it arrives. With an update interval (the trace view sets
 * one), batches arriving sooner than that after the last update are held and inserted together when it has
 * passed: the views then handle one removal of old rows and one insertion per interval, however many
 * batches a flood brings (the row removal costs the views time in all the rows, not just the removed ones).
 * A batch arriving after a quiet spell is shown at once.
 *
 * Pause: while paused, batches are held back (up to the capacity; past it the oldest held ones are dropped
 * and counted) and appended as one batch on resume. Nothing is lost for pauses shorter than the capacity
 * lasts, memory stays bounded, and the counts are shown in the view.
 */
class TraceModel : public QAbstractTableModel {
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        SessionColumn,
        DirectionColumn,
        TypeColumn,
        RequestColumn,
        UriColumn,
        SizeColumn,
        SummaryColumn,
        ColumnCount
    };
    enum Role {
        TypeRole = Qt::UserRole + 1, //!< int: the wamp::MessageType, -1 for undecodable input
        SessionRole,                 //!< qulonglong
        RealmRole,                   //!< QString
        UriRole,                     //!< QByteArray (UTF-8)
        DirectionRole,               //!< int: TraceEntry::Direction
        TransportRole,               //!< QString: the transport id
        SerialRole,                  //!< qulonglong: the row's serial
        InHighlightedChainRole,      //!< bool: the row is in the chain of the highlighted row
        EntryRole,                   //!< wamp::TraceEntry
    };

    explicit TraceModel(qsizetype capacity = wamp::TraceBuffer::kDefaultCapacity, QObject* parent = nullptr);

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    const wamp::TraceEntry& entryAt(int row) const { return m_buffer.at(row); }
    //! The serial of \a row: rows keep theirs while older rows leave.
    quint64 serialAt(int row) const { return m_buffer.serialAt(row); }
    //! The row of \a serial, or -1 when it is not (or no longer) kept.
    int rowOfSerial(quint64 serial) const;

    //! 0 (the default): every batch is inserted as it arrives.
    void setUpdateInterval(int milliseconds);
    int updateInterval() const { return m_updateInterval; }

    qsizetype capacity() const { return m_buffer.capacity(); }
    //! Keeps the newest rows that fit.
    void setCapacity(qsizetype capacity);

    bool isPaused() const { return m_paused; }
    //! Rows held back by the pause (or waiting for the next update).
    qsizetype heldCount() const { return m_held.size(); }
    quint64 droppedWhilePaused() const { return m_droppedWhilePaused; }
    //! Rows that left the ring to make room since the last clear().
    quint64 droppedCount() const { return m_dropped; }

    //! The rows of \a row's chain (CALL, INVOCATION, YIELD, RESULT, ...), ascending, \a row included.
    QList<int> chainRows(int row) const;
    //! Marks \a row's chain (InHighlightedChainRole, background); rows joining it later are marked too.
    //! -1 removes the mark.
    void highlightChain(int row);

public Q_SLOTS:
    void appendEntries(const QList<wamp::TraceEntry>& entries);
    void setPaused(bool paused);
    void clear();

Q_SIGNALS:
    //! Paused state, held or dropped counts changed.
    void pauseStateChanged();

private:
    //! Fills in the URIs of replies (see RequestUris), in arrival order.
    void resolveUris(const QList<wamp::TraceEntry>& entries);
    void hold(const QList<wamp::TraceEntry>& entries);
    void releaseHeld();
    void insertBatches(QList<QList<wamp::TraceEntry>> batches);
    void markRows(const QList<quint64>& serials);
    QString summaryOf(const wamp::TraceEntry& entry, quint64 serial) const;

    wamp::TraceBuffer m_buffer;
    quint64 m_dropped = 0;
    RequestUris m_requestUris;
    TraceChain m_highlight;

    int m_updateInterval = 0;
    QTimer m_updateTimer;
    QElapsedTimer m_sinceUpdate;

    bool m_paused = false;
    wamp::TraceBuffer m_held; // while paused, or until the next update
    quint64 m_droppedWhilePaused = 0;

    mutable QCache<quint64, QString> m_summaries{2000};
};
