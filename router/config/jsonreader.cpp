#include "jsonreader.h"

#include <QJsonArray>

namespace wamp {

QString JsonReader::joinPath(const QString& path, const QString& key)
{
    return path.isEmpty() ? key : path + QLatin1Char('.') + key;
}

void JsonReader::error(const QString& path, const QString& text)
{
    m_errors << path + QStringLiteral(": ") + text;
}

void JsonReader::warning(const QString& path, const QString& text)
{
    m_warnings << path + QStringLiteral(": ") + text;
}

void JsonReader::checkKeys(const QJsonObject& object, const QString& path, const QSet<QString>& known,
                           const QSet<QString>& ignored)
{
    for (auto it = object.begin(); it != object.end(); ++it) {
        const QString keyPath = joinPath(path, it.key());
        if (ignored.contains(it.key()))
            warning(keyPath, QStringLiteral("not supported by Wampscope yet; ignored"));
        else if (!known.contains(it.key()))
            error(keyPath, QStringLiteral("unknown key"));
    }
}

std::optional<QString> JsonReader::string(const QJsonObject& object, const QString& key, const QString& path)
{
    const QJsonValue v = object.value(key);
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isString()) {
        error(joinPath(path, key), QStringLiteral("must be a string"));
        return std::nullopt;
    }
    return v.toString();
}

std::optional<bool> JsonReader::boolean(const QJsonObject& object, const QString& key, const QString& path)
{
    const QJsonValue v = object.value(key);
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isBool()) {
        error(joinPath(path, key), QStringLiteral("must be true or false"));
        return std::nullopt;
    }
    return v.toBool();
}

std::optional<qint64> JsonReader::integer(const QJsonObject& object, const QString& key, const QString& path,
                                          qint64 min, qint64 max)
{
    const QJsonValue v = object.value(key);
    if (v.isUndefined())
        return std::nullopt;
    const QString keyPath = joinPath(path, key);
    const double d = v.toDouble();
    if (!v.isDouble() || d != double(qint64(d))) {
        error(keyPath, QStringLiteral("must be an integer"));
        return std::nullopt;
    }
    if (qint64(d) < min || qint64(d) > max) {
        error(keyPath, QStringLiteral("%1 is out of range %2..%3").arg(qint64(d)).arg(min).arg(max));
        return std::nullopt;
    }
    return qint64(d);
}

std::optional<QJsonObject> JsonReader::object(const QJsonObject& parent, const QString& key,
                                              const QString& path)
{
    const QJsonValue v = parent.value(key);
    if (v.isUndefined())
        return std::nullopt;
    if (!v.isObject()) {
        error(joinPath(path, key), QStringLiteral("must be an object"));
        return std::nullopt;
    }
    return v.toObject();
}

std::optional<QStringList> JsonReader::stringList(const QJsonObject& object, const QString& key,
                                                  const QString& path)
{
    const QJsonValue v = object.value(key);
    if (v.isUndefined())
        return std::nullopt;
    const QString keyPath = joinPath(path, key);
    if (!v.isArray() || v.toArray().isEmpty()) {
        error(keyPath, QStringLiteral("must be a non-empty list of strings"));
        return std::nullopt;
    }
    QStringList result;
    const QJsonArray items = v.toArray();
    for (qsizetype i = 0; i < items.size(); ++i) {
        if (!items[i].isString()) {
            error(keyPath + QStringLiteral("[%1]").arg(i), QStringLiteral("must be a string"));
            return std::nullopt;
        }
        result << items[i].toString();
    }
    return result;
}

} // namespace wamp
