#pragma once

#include <QWidget>

class FilteredTable;
class RegistrationModel;
class RouterController;

//! The Registrations tab: every procedure registered on the router, live, sortable and filterable.
class RegistrationsView : public QWidget {
    Q_OBJECT

public:
    explicit RegistrationsView(RouterController& controller, QWidget* parent = nullptr);

    RegistrationModel* model() const { return m_model; }
    FilteredTable* table() const { return m_table; }

private:
    RegistrationModel* m_model;
    FilteredTable* m_table;
};
