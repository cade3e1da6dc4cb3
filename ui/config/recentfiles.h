#pragma once

#include <QObject>
#include <QStringList>

/*!
 * The configuration files opened or saved last, newest first, at most kMaxFiles, kept in QSettings.
 */
class RecentFiles : public QObject {
    Q_OBJECT

public:
    static constexpr int kMaxFiles = 8;

    explicit RecentFiles(QObject* parent = nullptr);

    QStringList files() const;
    //! Puts \a path (made absolute) first.
    void add(const QString& path);
    void remove(const QString& path);
    void clear();

Q_SIGNALS:
    void changed();

private:
    void store(const QStringList& files);
};
