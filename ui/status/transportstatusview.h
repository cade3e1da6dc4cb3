#pragma once

#include "core/router.h"

#include <QTreeWidget>

class RouterController;

/*!
 * Each configured transport with its live state: listening (with the address clients connect to), failed
 * (with the reason, e.g. the port is in use or the certificate cannot be read) or stopped.
 */
class TransportStatusView : public QTreeWidget {
    Q_OBJECT

public:
    enum Column { IdColumn, StateColumn, AddressColumn, ColumnCount };

    explicit TransportStatusView(RouterController& controller, QWidget* parent = nullptr);

    //! Lists the transports of a configuration that is not running yet.
    void showConfigured(const QList<QString>& transportIds);
    void showStatuses(const QList<wamp::TransportStatus>& statuses);

private:
    void addRow(const QString& id, const QString& state, const QString& detail, const QColor& colour);
};
