#include "tracefilter.h"

#include "wamp/messagetype.h"

#include <QLatin1StringView>

namespace {

bool isAscii(QByteArrayView bytes)
{
    for (const char c : bytes) {
        if (uchar(c) >= 0x80)
            return false;
    }
    return true;
}

bool containsCaseInsensitive(const QByteArray& haystack, const QByteArray& lowerNeedle)
{
    // An ASCII needle compares exactly with Latin-1 folding on UTF-8 bytes (no non-ASCII byte folds to
    // ASCII); anything else goes through QString.
    if (isAscii(lowerNeedle))
        return QLatin1StringView(haystack).contains(QLatin1StringView(lowerNeedle), Qt::CaseInsensitive);
    return QString::fromUtf8(haystack).contains(QString::fromUtf8(lowerNeedle), Qt::CaseInsensitive);
}

std::optional<qint64> messageTypeFromName(QStringView name)
{
    if (name.compare(QLatin1StringView("invalid"), Qt::CaseInsensitive) == 0)
        return -1;
    bool isNumber = false;
    const int code = name.toInt(&isNumber);
    if (isNumber)
        return wamp::isKnownMessageType(code) ? std::optional<qint64>(code) : std::nullopt;
    for (int candidate = 0; candidate < 128; ++candidate) {
        const char* typeName = wamp::messageTypeName(wamp::MessageType(candidate));
        if (typeName && name.compare(QLatin1StringView(typeName), Qt::CaseInsensitive) == 0)
            return candidate;
    }
    return std::nullopt;
}

} // namespace

TraceFilter TraceFilter::parse(const QString& expression)
{
    TraceFilter filter;
    const QList<QStringView> tokens = QStringView(expression).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (QStringView token : tokens) {
        token = token.trimmed();
        if (!token.isEmpty() && !filter.parseTerm(token)) {
            filter.m_terms.clear();
            break;
        }
    }
    return filter;
}

bool TraceFilter::parseTerm(QStringView token)
{
    Term term;
    if (token.startsWith(QLatin1Char('-'))) {
        term.negated = true;
        token = token.sliced(1);
        if (token.isEmpty()) {
            m_error = tr("A lone \"-\" negates nothing: write it before a term, as in -type:EVENT");
            return false;
        }
    }
    const qsizetype colon = token.indexOf(QLatin1Char(':'));
    if (colon < 0) {
        term.key = Key::Uri;
        term.uriNeedles.append(token.toString().toLower().toUtf8());
        m_terms.append(term);
        return true;
    }
    const QStringView keyName = token.first(colon);
    const QString key = keyName.toString().toLower();
    if (key == QLatin1StringView("type")) {
        term.key = Key::Type;
    } else if (key == QLatin1StringView("session")) {
        term.key = Key::Session;
    } else if (key == QLatin1StringView("realm")) {
        term.key = Key::Realm;
    } else if (key == QLatin1StringView("uri")) {
        term.key = Key::Uri;
    } else if (key == QLatin1StringView("dir") || key == QLatin1StringView("direction")) {
        term.key = Key::Direction;
    } else if (key == QLatin1StringView("transport")) {
        term.key = Key::Transport;
    } else {
        m_error = tr("Unknown key \"%1\": use type, session, realm, uri, dir or transport").arg(keyName);
        return false;
    }
    if (!parseValues(term, keyName, token.sliced(colon + 1)))
        return false;
    m_terms.append(term);
    return true;
}

bool TraceFilter::parseValues(Term& term, QStringView keyName, QStringView value)
{
    const QList<QStringView> values = value.split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (values.isEmpty()) {
        m_error = tr("\"%1:\" needs a value").arg(keyName);
        return false;
    }
    for (const QStringView item : values) {
        switch (term.key) {
        case Key::Type:
            if (const auto type = messageTypeFromName(item)) {
                term.numbers.append(*type);
                break;
            }
            m_error = tr("\"%1\" is not a WAMP message type (e.g. CALL, RESULT, EVENT)").arg(item);
            return false;
        case Key::Session: {
            bool ok = false;
            const qulonglong id = item.toULongLong(&ok);
            if (!ok) {
                m_error = tr("\"%1\" is not a session id (a number)").arg(item);
                return false;
            }
            term.numbers.append(qint64(id));
            break;
        }
        case Key::Direction:
            if (item.compare(QLatin1StringView("in"), Qt::CaseInsensitive) == 0) {
                term.numbers.append(qint64(wamp::TraceEntry::Direction::In));
            } else if (item.compare(QLatin1StringView("out"), Qt::CaseInsensitive) == 0) {
                term.numbers.append(qint64(wamp::TraceEntry::Direction::Out));
            } else {
                m_error = tr("\"%1\" is not a direction: use in or out").arg(item);
                return false;
            }
            break;
        case Key::Uri:
            term.uriNeedles.append(item.toString().toLower().toUtf8());
            break;
        case Key::Realm:
        case Key::Transport:
            term.texts.append(item.toString());
            break;
        }
    }
    return true;
}

bool TraceFilter::matches(const TraceRowFields& row) const
{
    for (const Term& term : m_terms) {
        if (termMatches(term, row) == term.negated)
            return false;
    }
    return true;
}

bool TraceFilter::termMatches(const Term& term, const TraceRowFields& row)
{
    switch (term.key) {
    case Key::Type:
        return term.numbers.contains(row.type);
    case Key::Session:
        return term.numbers.contains(qint64(row.session));
    case Key::Direction:
        return term.numbers.contains(qint64(row.direction));
    case Key::Realm:
        return term.texts.contains(row.realm);
    case Key::Transport:
        return term.texts.contains(row.transport);
    case Key::Uri:
        for (const QByteArray& needle : term.uriNeedles) {
            if (containsCaseInsensitive(row.uri, needle))
                return true;
        }
        return false;
    }
    return false;
}
