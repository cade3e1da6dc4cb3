#include "registrationmodel.h"

#include "sessionids.h"

#include <QLocale>

using namespace wamp;

RegistrationModel::RegistrationModel(QObject* parent)
    : KeyedTableModel(parent)
{}

int RegistrationModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RegistrationModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const RegistrationInfo& registration = rowAt(index.row());
    const int column = index.column();
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case CalleesColumn:
            return joinSessionIds(registration.calleeIds);
        case InvocationsColumn:
            return QLocale().toString(registration.invocationCount);
        case IdColumn:
            return QString::number(registration.id);
        default:
            return sortData(registration, column);
        }
    case Qt::ToolTipRole:
        // The cells most likely to be cut short.
        if (column == ProcedureColumn || column == CalleesColumn)
            return data(index, Qt::DisplayRole);
        return {};
    case Qt::TextAlignmentRole:
        return column == InvocationsColumn || column == IdColumn
                   ? QVariant(int(Qt::AlignRight | Qt::AlignVCenter))
                   : QVariant();
    case SortRole:
        return sortData(registration, column);
    default:
        return {};
    }
}

QVariant RegistrationModel::sortData(const RegistrationInfo& registration, int column)
{
    switch (column) {
    case RealmColumn:
        return registration.realm;
    case ProcedureColumn:
        return registration.procedure;
    case MatchColumn:
        return registration.match;
    case InvokeColumn:
        return registration.invoke;
    case CalleesColumn:
        return registration.calleeIds.isEmpty() ? QVariant()
                                                : QVariant::fromValue(registration.calleeIds.first());
    case InvocationsColumn:
        return QVariant::fromValue(registration.invocationCount);
    case IdColumn:
        return QVariant::fromValue(registration.id);
    default:
        return {};
    }
}

QVariant RegistrationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return KeyedTableModel::headerData(section, orientation, role);
    switch (section) {
    case RealmColumn:
        return tr("Realm");
    case ProcedureColumn:
        return tr("Procedure");
    case MatchColumn:
        return tr("Match");
    case InvokeColumn:
        return tr("Invoke");
    case CalleesColumn:
        return tr("Callee sessions");
    case InvocationsColumn:
        return tr("Invocations");
    case IdColumn:
        return tr("Registration");
    default:
        return {};
    }
}

void RegistrationModel::applySnapshot(const RouterSnapshot& snapshot)
{
    sync(snapshot.registrations);
}
