#pragma once

#include "keyedtablemodel.h"

#include "core/routersnapshot.h"
#include "session/sessioninfo.h"

/*!
 * The live sessions of the router, one row each: added on join, removed on leave, and their counters
 * refreshed in place from each RouterSnapshot (never reset, so a view's selection stays put). Sort a proxy
 * on SortRole: numbers and times sort as such, not as text.
 */
class SessionModel : public KeyedTableModel<wamp::SessionInfo> {
    Q_OBJECT

public:
    enum Column {
        IdColumn,
        RealmColumn,
        AuthidColumn,
        AuthroleColumn,
        TransportColumn,
        SerializerColumn,
        PeerColumn,
        JoinedColumn,
        MessagesInColumn,
        MessagesOutColumn,
        BytesInColumn,
        BytesOutColumn,
        SubscriptionsColumn,
        RegistrationsColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1,
        SessionIdRole, //!< the row's session id (quint64), in every column
    };

    explicit SessionModel(QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void addSession(const wamp::SessionInfo& info);
    void removeSession(const wamp::SessionInfo& info);
    void applySnapshot(const wamp::RouterSnapshot& snapshot);

private:
    QVariant displayData(const wamp::SessionInfo& session, int column) const;
    QVariant headerToolTip(int section) const;
    static QVariant sortData(const wamp::SessionInfo& session, int column);
};
