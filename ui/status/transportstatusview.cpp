#include "transportstatusview.h"

#include "core/routercontroller.h"
#include "statuscolours.h"

#include <QHeaderView>

TransportStatusView::TransportStatusView(RouterController& controller, QWidget* parent)
    : QTreeWidget(parent)
{
    setObjectName(QStringLiteral("transports"));
    setColumnCount(ColumnCount);
    setHeaderLabels({tr("Transport"), tr("State"), tr("Address or error")});
    setRootIsDecorated(false);
    setUniformRowHeights(true);
    setSelectionMode(QAbstractItemView::NoSelection);
    setFocusPolicy(Qt::NoFocus);
    header()->setStretchLastSection(true);
    header()->setSectionResizeMode(IdColumn, QHeaderView::ResizeToContents);
    header()->setSectionResizeMode(StateColumn, QHeaderView::ResizeToContents);
    connect(&controller, &RouterController::transportsChanged, this, &TransportStatusView::showStatuses);
}

void TransportStatusView::showConfigured(const QList<QString>& transportIds)
{
    clear();
    for (const QString& id : transportIds)
        addRow(id, tr("not started"), QString(), StatusColours::inactive(palette()));
}

void TransportStatusView::showStatuses(const QList<wamp::TransportStatus>& statuses)
{
    clear();
    for (const wamp::TransportStatus& status : statuses) {
        if (status.listening)
            addRow(status.id, tr("listening"), status.address, StatusColours::good());
        else if (!status.error.isEmpty())
            addRow(status.id, tr("failed"), status.error, StatusColours::bad());
        else
            addRow(status.id, tr("stopped"), QString(), StatusColours::inactive(palette()));
    }
}

void TransportStatusView::addRow(const QString& id, const QString& state, const QString& detail,
                                 const QColor& colour)
{
    auto* item = new QTreeWidgetItem(this, {id, state, detail});
    item->setForeground(StateColumn, colour);
    if (colour == StatusColours::bad())
        item->setForeground(AddressColumn, colour);
    item->setToolTip(AddressColumn, detail);
}
