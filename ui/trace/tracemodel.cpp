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

} // namespace

TraceModel::TraceModel(qsizetype capacity, QObject* parent)
    : QAbstractTableModel(parent)
    , m_buffer(capacity)
    , m_held(capacity)
{}

int TraceModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_buffer.size() - m_hiddenFront);
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
            return summaryOf(entry);
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
        return isHighlighted(entry.id) ? QVariant(kChainBackground) : QVariant();
    case Qt::ForegroundRole:
        return isHighlighted(entry.id) ? QVariant(QColor(Qt::black)) : QVariant();
    case TypeRole:
        return entry.valid ? int(entry.type) : -1;
    case SessionRole:
        return qulonglong(entry.sessionId);
    case RealmRole:
        return entry.realm;
    case UriRole:
        return entry.uri;
    case DirectionRole:
        return int(entry.direction);
    case TransportRole:
        return entry.transportId;
    case SerialRole:
        return qulonglong(entry.id);
    case InHighlightedChainRole:
        return isHighlighted(entry.id);
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
    if (rowCount() == 0)
        return -1;
    const quint64 first = entryAt(0).id;
    if (serial < first || serial - first >= quint64(rowCount()))
        return -1;
    return int(serial - first);
}

const TraceEntry* TraceModel::entryOfSerial(quint64 serial) const
{
    if (m_buffer.size() == 0)
        return nullptr;
    const quint64 first = m_buffer.at(0).id;
    if (serial < first || serial - first >= quint64(m_buffer.size()))
        return nullptr;
    return &m_buffer.at(qsizetype(serial - first));
}

void TraceModel::setCapacity(qsizetype capacity)
{
    beginResetModel();
    m_buffer.setCapacity(capacity);
    m_held.setCapacity(capacity);
    m_index.clear();
    for (qsizetype i = 0; i < m_buffer.size(); ++i)
        m_index.add(m_buffer.at(i));
    m_highlight = {};
    endResetModel();
    Q_EMIT pauseStateChanged();
}

void TraceModel::appendEntries(const QList<TraceEntry>& entries)
{
    if (entries.isEmpty())
        return;
    if (m_paused) {
        m_droppedWhilePaused += quint64(m_held.append(entries));
        Q_EMIT pauseStateChanged();
        return;
    }
    insertBatch(entries);
}

void TraceModel::insertBatch(QList<TraceEntry> entries)
{
    const qsizetype capacity = m_buffer.capacity();
    if (entries.size() > capacity) {
        m_dropped += quint64(entries.size() - capacity);
        entries.remove(0, entries.size() - capacity);
    }
    const quint64 batchStart = m_nextSerial;
    for (TraceEntry& entry : entries) {
        entry.id = m_nextSerial++;
        inheritUri(entry, entries, batchStart);
        m_index.add(entry);
        if (m_highlight.root)
            m_highlight.extend(entry);
    }

    const qsizetype rows = rowCount();
    const qsizetype drop = std::max<qsizetype>(0, rows + entries.size() - capacity);
    if (drop > 0) {
        beginRemoveRows({}, 0, int(drop - 1));
        for (qsizetype row = 0; row < drop; ++row)
            m_index.remove(entryAt(int(row)));
        m_hiddenFront = drop;
        m_dropped += quint64(drop);
        endRemoveRows();
        const quint64 firstKept = rowCount() > 0 ? entryAt(0).id : batchStart;
        const auto kept = std::lower_bound(m_highlight.serials.begin(), m_highlight.serials.end(), firstKept);
        m_highlight.serials.erase(m_highlight.serials.begin(), kept);
    }

    const int first = rowCount();
    beginInsertRows({}, first, first + int(entries.size()) - 1);
    const qsizetype ringDropped = m_buffer.append(entries);
    Q_ASSERT(ringDropped == m_hiddenFront);
    m_hiddenFront = 0;
    endInsertRows();
}

void TraceModel::inheritUri(TraceEntry& entry, const QList<TraceEntry>& batch, quint64 batchStart) const
{
    if (!entry.valid || !entry.uri.isEmpty() || TraceFormatter::carriesUri(entry.type))
        return;
    std::optional<TraceChainIndex::Key> request = TraceChainIndex::originOf(entry);
    if (!request)
        request = TraceChainIndex::keyOf(entry);
    if (!request)
        return;
    const std::optional<quint64> serial = m_index.firstSerial(*request);
    if (!serial)
        return;
    const TraceEntry* source =
        *serial >= batchStart ? &batch.at(qsizetype(*serial - batchStart)) : entryOfSerial(*serial);
    if (source && source->type != MessageType::Error)
        entry.uri = source->uri;
}

void TraceModel::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    if (!paused && m_held.size() > 0) {
        QList<TraceEntry> held;
        held.reserve(m_held.size());
        for (qsizetype i = 0; i < m_held.size(); ++i)
            held.append(m_held.at(i));
        m_held.clear();
        insertBatch(std::move(held));
    }
    m_droppedWhilePaused = 0;
    Q_EMIT pauseStateChanged();
}

void TraceModel::clear()
{
    beginResetModel();
    m_buffer.clear();
    m_held.clear();
    m_index.clear();
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
    if (row < 0 || row >= rowCount())
        return rows;
    for (const quint64 serial : m_index.chainOf(entryAt(row)).serials) {
        if (const int chainRow = rowOfSerial(serial); chainRow >= 0)
            rows.append(chainRow);
    }
    return rows;
}

void TraceModel::highlightChain(int row)
{
    const QList<quint64> previous = std::exchange(m_highlight.serials, {});
    m_highlight = row >= 0 && row < rowCount() ? m_index.chainOf(entryAt(row)) : TraceChainIndex::Chain{};
    markRows(previous);
    markRows(m_highlight.serials);
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

bool TraceModel::isHighlighted(quint64 serial) const
{
    return std::binary_search(m_highlight.serials.cbegin(), m_highlight.serials.cend(), serial);
}

QString TraceModel::summaryOf(const TraceEntry& entry) const
{
    if (const QString* cached = m_summaries.object(entry.id))
        return *cached;
    auto* summary = new QString(TraceFormatter::summary(entry));
    const QString text = *summary;
    m_summaries.insert(entry.id, summary);
    return text;
}
