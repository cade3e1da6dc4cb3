#include "registrationsview.h"

#include "core/routercontroller.h"
#include "filteredtable.h"
#include "registrationmodel.h"

#include <QTableView>
#include <QVBoxLayout>

RegistrationsView::RegistrationsView(RouterController& controller, QWidget* parent)
    : QWidget(parent)
    , m_model(new RegistrationModel(this))
    , m_table(new FilteredTable(m_model, RegistrationModel::SortRole))
{
    m_table->view()->setObjectName(QStringLiteral("registrations"));
    m_table->setStretchColumn(RegistrationModel::ProcedureColumn);
    m_table->view()->sortByColumn(RegistrationModel::ProcedureColumn, Qt::AscendingOrder);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_table);
    connect(&controller, &RouterController::snapshotUpdated, m_model, &RegistrationModel::applySnapshot);
}
