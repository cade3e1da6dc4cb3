#pragma once

#include <QDialog>

/*!
 * Why a configuration file could not be opened: every problem the loader found, one row each with its JSON
 * path and message.
 */
class LoadErrorsDialog : public QDialog {
    Q_OBJECT

public:
    //! \a errors are the loader's `path: message` lines about \a file.
    LoadErrorsDialog(const QString& file, const QStringList& errors, QWidget* parent = nullptr);
};
