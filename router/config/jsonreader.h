#pragma once

#include <QJsonObject>
#include <QSet>
#include <QStringList>

#include <optional>

namespace wamp {

/*!
 * Reads typed values out of a JSON configuration and collects every problem with its JSON path
 * (`workers[0].transports[1].endpoint.port: 70000 is out of range 1..65535`), so a file's errors are all
 * reported at once. Keys Crossbar knows but Wampscope does not implement are warnings; unknown keys errors.
 */
class JsonReader {
public:
    static QString joinPath(const QString& path, const QString& key);

    void error(const QString& path, const QString& text);
    void warning(const QString& path, const QString& text);
    const QStringList& errors() const { return m_errors; }
    const QStringList& warnings() const { return m_warnings; }

    //! Errors for keys outside \a known and \a ignored; warnings for keys in \a ignored.
    void checkKeys(const QJsonObject& object, const QString& path, const QSet<QString>& known,
                   const QSet<QString>& ignored = {});

    //! Each getter returns nullopt when the key is absent, or (with an error) when it has the wrong type.
    std::optional<QString> string(const QJsonObject& object, const QString& key, const QString& path);
    std::optional<bool> boolean(const QJsonObject& object, const QString& key, const QString& path);
    std::optional<qint64> integer(const QJsonObject& object, const QString& key, const QString& path,
                                  qint64 min, qint64 max);
    std::optional<QJsonObject> object(const QJsonObject& parent, const QString& key, const QString& path);
    //! A non-empty list of strings.
    std::optional<QStringList> stringList(const QJsonObject& object, const QString& key, const QString& path);

private:
    QStringList m_errors;
    QStringList m_warnings;
};

} // namespace wamp
