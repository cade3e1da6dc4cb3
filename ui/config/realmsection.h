#pragma once

#include "formsection.h"

#include "config/realmconfig.h"

class QComboBox;
class QLineEdit;

//! A realm's name and URI check.
class RealmSection : public FormSection {
    Q_OBJECT

public:
    explicit RealmSection(FieldErrors& errors, QWidget* parent = nullptr);

    void load(const wamp::RealmConfig& realm);
    void store(wamp::RealmConfig& realm) const;

private:
    QLineEdit* m_name;
    QComboBox* m_uriCheck;
};
