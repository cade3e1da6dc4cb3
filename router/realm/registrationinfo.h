#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace wamp {

//! A snapshot of one registration of a realm's dealer, as the inspector shows it.
struct RegistrationInfo {
    QString realm;
    quint64 id = 0;
    QString procedure;
    QString match = QStringLiteral("exact");
    QString invoke = QStringLiteral("single");
    //! The sessions that registered the procedure (one with the "single" policy).
    QList<quint64> calleeIds;
    //! INVOCATIONs sent for this registration since it was made.
    quint64 invocationCount = 0;

    friend bool operator==(const RegistrationInfo&, const RegistrationInfo&) = default;
};

} // namespace wamp

Q_DECLARE_METATYPE(wamp::RegistrationInfo)
