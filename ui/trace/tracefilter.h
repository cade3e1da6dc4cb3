#pragma once

#include "tracerowfields.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

/*
 * The trace's filter language. Terms are separated by spaces and must all hold:
 *
 *   type:CALL  type:call,result    message type(s), case-insensitive; "invalid" for undecodable input
 *   session:123  session:1,2       session id(s)
 *   realm:realm1                   realm(s), exact
 *   uri:com.example                URI substring, case-insensitive (also a bare word: com.example)
 *   dir:in  dir:out                direction, as seen by the router
 *   transport:ws1                  transport id(s), exact
 *   -term                          negation: -type:EVENT hides the EVENTs
 *
 * A comma-separated list means any of them. An unknown key, an unknown type, a bad number or a missing
 * value make the expression invalid, with a message saying what is wrong.
 */
class TraceFilter {
    Q_DECLARE_TR_FUNCTIONS(TraceFilter)

public:
    //! The empty filter: matches every row.
    TraceFilter() = default;

    static TraceFilter parse(const QString& expression);

    bool isValid() const { return m_error.isEmpty(); }
    //! Why the expression is invalid (empty when valid).
    QString errorMessage() const { return m_error; }
    //! True when the filter lets everything through (no terms).
    bool isEmpty() const { return m_terms.isEmpty(); }
    bool matches(const TraceRowFields& row) const;

private:
    enum class Key { Type, Session, Realm, Uri, Direction, Transport };
    struct Term {
        Key key = Key::Uri;
        bool negated = false;
        QList<qint64> numbers;        // types, sessions, the direction
        QStringList texts;            // realms, transports
        QList<QByteArray> uriNeedles; // lower-case UTF-8
    };

    bool parseTerm(QStringView token);
    bool parseValues(Term& term, QStringView keyName, QStringView value);
    static bool termMatches(const Term& term, const TraceRowFields& row);

    QList<Term> m_terms;
    QString m_error;
};
