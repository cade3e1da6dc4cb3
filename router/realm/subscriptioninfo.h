#pragma once

#include <QList>
#include <QMetaType>
#include <QString>

namespace wamp {

//! A snapshot of one subscription of a realm's broker, as the inspector shows it.
struct SubscriptionInfo {
    QString realm;
    quint64 id = 0;
    QString topic;
    QString match = QStringLiteral("exact");
    //! The sessions subscribed (all subscribers of a topic share one subscription).
    QList<quint64> subscriberIds;
    //! PUBLISHes to the topic since the subscription was created, and the EVENTs they were delivered as.
    quint64 publicationCount = 0;
    quint64 eventCount = 0;

    friend bool operator==(const SubscriptionInfo&, const SubscriptionInfo&) = default;
};

} // namespace wamp

Q_DECLARE_METATYPE(wamp::SubscriptionInfo)
