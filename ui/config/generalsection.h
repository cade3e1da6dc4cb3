#pragma once

#include "formsection.h"

#include "config/transportconfig.h"

class QCheckBox;
class QComboBox;
class QLineEdit;
class QStringListModel;

//! A transport's id, type, URL, debug flag and anonymous role.
class GeneralSection : public FormSection {
    Q_OBJECT

public:
    explicit GeneralSection(FieldErrors& errors, QWidget* parent = nullptr);

    void load(const wamp::TransportConfig& transport);
    void store(wamp::TransportConfig& transport) const;
    //! The roles offered when typing the anonymous role (those of every realm).
    void setRoleSuggestions(const QStringList& roles);

Q_SIGNALS:
    void typeChanged(wamp::TransportType type);

private:
    void updateRows();

    QLineEdit* m_id;
    QComboBox* m_type;
    QLineEdit* m_url;
    QCheckBox* m_debug;
    QCheckBox* m_anonymous;
    QLineEdit* m_anonymousRole;
    QStringListModel* m_roleSuggestions;
};
