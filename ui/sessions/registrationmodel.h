#pragma once

#include "keyedtablemodel.h"

#include "core/routersnapshot.h"
#include "realm/registrationinfo.h"

//! The router's registrations over all realms, refreshed in place from each RouterSnapshot.
class RegistrationModel : public KeyedTableModel<wamp::RegistrationInfo> {
    Q_OBJECT

public:
    enum Column {
        RealmColumn,
        ProcedureColumn,
        MatchColumn,
        InvokeColumn,
        CalleesColumn,
        InvocationsColumn,
        IdColumn,
        ColumnCount
    };
    enum Role {
        SortRole = Qt::UserRole + 1,
    };

    explicit RegistrationModel(QObject* parent = nullptr);

    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    void applySnapshot(const wamp::RouterSnapshot& snapshot);

private:
    static QVariant sortData(const wamp::RegistrationInfo& registration, int column);
};
