#include "tracemodel.h"

#include "traceformatter.h"

#include <QColor>
#include <QFont>

#include <algorithm>

using wamp::MessageType;
using wamp::TraceEntry;

namespace {

// Light yellow with black text: readable whatever the palette, and distinct from the selection colour.
const QColor kChainBackground(255, 241, 168);

// Requests stay remembered for at least half a ring of newer requests, at most a ring's worth in all.
qsizetype requestGenerationSize(qsizetype capacity)
{
    return capacity / 2;
}

} // namespace

TraceModel::TraceModel(qsizetype capacity, QObject* parent)
    : QAbstractTableModel(parent)
    , m_buffer(capacity)
    , m_requestUris(requestGenerationSize(capacity))
    , m_held(capacity)
{
    m_updateTimer.setSingleShot(true);
    connect(&m_updateTimer, &QTimer::timeout, this, &TraceModel::releaseHeld);
}

int TraceModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_buffer.size());
}

int TraceModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TraceModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const TraceEntry& entry = entryAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case TimeColumn:
            return TraceFormatter::timeOfDay(entry.timestampUs);
        case SessionColumn:
            return entry.sessionId ? QString::number(entry.sessionId) : QString();
        case DirectionColumn:
            return TraceFormatter::directionText(entry.direction);
        case TypeColumn:
            return TraceFormatter::typeName(entry);
        case RequestColumn:
            return entry.requestId ? QString::number(entry.requestId) : QString();
        case UriColumn:
            return QString::fromUtf8(entry.uri);
        case SizeColumn:
            return QString::number(entry.size());
        case SummaryColumn:
            return summaryOf(entry, m_buffer.serialAt(index.row()));
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == DirectionColumn)
            return TraceFormatter::directionToolTip(entry.direction);
        if (index.column() == UriColumn && TraceFormatter::isUriInherited(entry))
            return tr("The URI of the request this message belongs to");
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == SessionColumn || index.column() == RequestColumn ||
            index.column() == SizeColumn)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return int(Qt::AlignLeft | Qt::AlignVCenter);
    case Qt::FontRole:
        if (index.column() == UriColumn && TraceFormatter::isUriInherited(entry)) {
            QFont font;
            font.setItalic(true);
            return font;
        }
        return {};
    case Qt::BackgroundRole:
        return m_highlight.contains(m_buffer.serialAt(index.row())) ? QVariant(kChainBackground) : QVariant();
    case Qt::ForegroundRole:
        return m_highlight.contains(m_buffer.serialAt(index.row())) ? QVariant(QColor(Qt::black))
                                                                    : QVariant();
    case TypeRole:
        return entry.valid ? int(entry.type) : -1;
    case SessionRole:
        return qulonglong(entry.sessionId);
    case RealmRole:
        return entry.realm.toString();
    case UriRole:
        return entry.uri;
    case DirectionRole:
        return int(entry.direction);
    case TransportRole:
        return entry.transportId.toString();
    case SerialRole:
        return qulonglong(m_buffer.serialAt(index.row()));
    case InHighlightedChainRole:
        return m_highlight.contains(m_buffer.serialAt(index.row()));
    case EntryRole:
        return QVariant::fromValue(entry);
    }
    return {};
}

QVariant TraceModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Horizontal && role == Qt::TextAlignmentRole) {
        const bool number = section == SessionColumn || section == RequestColumn || section == SizeColumn;
        return int((number ? Qt::AlignRight : Qt::AlignLeft) | Qt::AlignVCenter);
    }
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case TimeColumn:
        return tr("Time");
    case SessionColumn:
        return tr("Session");
    case DirectionColumn:
        return tr("Dir.");
    case TypeColumn:
        return tr("Type");
    case RequestColumn:
        return tr("Request");
    case UriColumn:
        return tr("URI");
    case SizeColumn:
        return tr("Size");
    case SummaryColumn:
        return tr("Summary");
    }
    return {};
}

int TraceModel::rowOfSerial(quint64 serial) const
{
    return int(m_buffer.indexOfSerial(serial));
}

void TraceModel::setCapacity(qsizetype capacity)
{
    beginResetModel();
    m_buffer.setCapacity(capacity);
    m_held.setCapacity(capacity);
    m_requestUris.setGenerationSize(requestGenerationSize(capacity));
    m_highlight = {};
    endResetModel();
    Q_EMIT pauseStateChanged();
}

void TraceModel::setUpdateInterval(int milliseconds)
{
    m_updateInterval = std::max(0, milliseconds);
    if (m_updateInterval == 0 && m_updateTimer.isActive()) {
        m_updateTimer.stop();
        releaseHeld();
    }
}

void TraceModel::appendEntries(const QList<TraceEntry>& entries)
{
    if (entries.isEmpty())
        return;
    // As the batch arrives, not when its rows go in (up to an update interval later): the router's thread has
    // just written these entries, and they are still in the caches.
    resolveUris(entries);
    if (m_paused || m_updateTimer.isActive()) {
        hold(entries);
        return;
    }
    if (m_updateInterval > 0 && m_sinceUpdate.isValid()) {
        const qint64 since = m_sinceUpdate.elapsed();
        if (since < m_updateInterval) {
            hold(entries);
            m_updateTimer.start(int(m_updateInterval - since));
            return;
        }
    }
    insertBatches({entries});
    m_sinceUpdate.start();
}

void TraceModel::resolveUris(const QList<TraceEntry>& entries)
{
    constexpr qsizetype kLookahead = 8;
    for (qsizetype i = 0; i < entries.size(); ++i) {
        if (i + kLookahead < entries.size())
            m_requestUris.prefetch(entries[i + kLookahead]);
        m_requestUris.resolve(entries[i]);
    }
}

void TraceModel::hold(const QList<TraceEntry>& entries)
{
    const auto dropped = quint64(m_held.append(entries));
    if (m_paused) {
        m_droppedWhilePaused += dropped;
        Q_EMIT pauseStateChanged();
    } else {
        m_dropped += dropped;
    }
}

void TraceModel::releaseHeld()
{
    if (m_paused || m_held.size() == 0)
        return;
    insertBatches(m_held.takeBatches());
    m_sinceUpdate.start();
}

void TraceModel::insertBatches(QList<QList<TraceEntry>> batches)
{
    qsizetype incoming = 0;
    for (const QList<TraceEntry>& batch : std::as_const(batches))
        incoming += batch.size();
    // What would not fit even into an empty ring goes first (from the oldest batches).
    for (qsizetype excess = incoming - m_buffer.capacity(); excess > 0;) {
        const qsizetype cut = std::min(excess, batches.first().size());
        if (cut == batches.first().size())
            batches.removeFirst();
        else
            batches.first().remove(0, cut);
        excess -= cut;
        incoming -= cut;
        m_dropped += quint64(cut);
    }
    if (incoming == 0)
        return;

    // The batches are usually shared with the other views: read them const, so that they are never copied.
    if (m_highlight.canGrow()) {
        quint64 serial = m_buffer.nextSerial();
        for (const QList<TraceEntry>& batch : std::as_const(batches)) {
            for (const TraceEntry& entry : batch)
                m_highlight.extend(entry, serial++);
        }
    }

    const qsizetype drop = std::max<qsizetype>(0, m_buffer.size() + incoming - m_buffer.capacity());
    if (drop > 0) {
        beginRemoveRows({}, 0, int(drop - 1));
        m_buffer.removeFirst(drop);
        m_dropped += quint64(drop);
        endRemoveRows();
        m_highlight.dropBefore(m_buffer.serialAt(0));
    }

    const int first = rowCount();
    beginInsertRows({}, first, first + int(incoming) - 1);
    for (QList<TraceEntry>& batch : batches)
        m_buffer.append(std::move(batch));
    endInsertRows();
}

void TraceModel::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    if (!paused) {
        m_updateTimer.stop();
        releaseHeld();
    }
    m_droppedWhilePaused = 0;
    Q_EMIT pauseStateChanged();
}

void TraceModel::clear()
{
    beginResetModel();
    m_buffer.clear();
    m_held.clear();
    m_updateTimer.stop();
    m_requestUris.clear();
    m_highlight = {};
    m_dropped = 0;
    m_droppedWhilePaused = 0;
    m_summaries.clear();
    endResetModel();
    Q_EMIT pauseStateChanged();
}

QList<int> TraceModel::chainRows(int row) const
{
    QList<int> rows;
    const TraceChain chain = TraceChain::of(m_buffer, row);
    for (const quint64 serial : chain.serials())
        rows.append(rowOfSerial(serial));
    return rows;
}

void TraceModel::highlightChain(int row)
{
    const QList<quint64> previous = m_highlight.serials();
    m_highlight = TraceChain::of(m_buffer, row);
    markRows(previous);
    markRows(m_highlight.serials());
}

void TraceModel::markRows(const QList<quint64>& serials)
{
    // Consecutive rows in one signal: a PUBLISH's EVENTs are usually next to each other.
    const QList<int> roles{Qt::BackgroundRole, Qt::ForegroundRole, InHighlightedChainRole};
    int runStart = -1;
    int runEnd = -1;
    const auto flush = [&] {
        if (runStart >= 0)
            Q_EMIT dataChanged(index(runStart, 0), index(runEnd, ColumnCount - 1), roles);
    };
    for (const quint64 serial : serials) {
        const int row = rowOfSerial(serial);
        if (row < 0)
            continue;
        if (row == runEnd + 1 && runStart >= 0) {
            runEnd = row;
            continue;
        }
        flush();
        runStart = runEnd = row;
    }
    flush();
}

QString TraceModel::summaryOf(const TraceEntry& entry, quint64 serial) const
{
    if (const QString* cached = m_summaries.object(serial))
        return *cached;
    auto* summary = new QString(TraceFormatter::summary(entry));
    const QString text = *summary;
    m_summaries.insert(serial, summary);
    return text;
}
