#pragma once

#include "clienttypes.h"
#include "invocationresponder.h"
#include "wamp/messagetype.h"

#include <QElapsedTimer>
#include <QHash>
#include <QSet>
#include <QTimer>

#include <optional>
#include <queue>
#include <vector>

namespace wamp {

/*!
 * The requests of one client session that wait for the router's answer, by request id, with optional
 * client-side deadlines.
 *
 * A request whose deadline passes is removed and handed to the expiry handler; its id is remembered as
 * abandoned, so that the answer arriving late can be told apart from an answer to a request never made.
 * Deadlines cost one heap entry and one timer for the whole table, not a timer per request.
 */
class PendingRequests {
public:
    //! One request: its callback and what to install once the router confirms it.
    struct Request {
        MessageType type = MessageType::Call;
        RequestCallback callback{};
        //! REGISTER / SUBSCRIBE: the procedure or topic, and its handler.
        QByteArray uri{};
        ProcedureHandler procedure{};
        DeferredProcedureHandler deferredProcedure{};
        EventHandler event{};
        //! UNREGISTER / UNSUBSCRIBE: the registration or subscription id.
        quint64 targetId = 0;
    };
    using ExpiryHandler = std::function<void(Request request)>;

    PendingRequests();

    //! Called with each request whose deadline passed, after it was removed.
    void setExpiryHandler(ExpiryHandler handler) { m_onExpired = std::move(handler); }

    //! Adds a request; with \a timeoutMs > 0 it expires after that many milliseconds.
    void add(quint64 requestId, Request request, int timeoutMs = 0);
    //! Removes and returns the request \a requestId if it is pending with type \a type.
    std::optional<Request> take(quint64 requestId, MessageType type);
    //! True (once) when \a requestId expired earlier: its late answer is to be dropped.
    bool takeAbandoned(quint64 requestId) { return m_abandoned.remove(requestId); }
    //! Removes every request and returns them in request-id order; deadlines and abandoned ids are forgotten.
    std::vector<Request> takeAll();

    qsizetype size() const { return m_requests.size(); }
    bool isEmpty() const { return m_requests.isEmpty(); }

private:
    using Deadline = std::pair<qint64, quint64>; // elapsed ms, request id

    void onTimer();
    void schedule();

    QHash<quint64, Request> m_requests;
    QSet<quint64> m_abandoned;
    std::priority_queue<Deadline, std::vector<Deadline>, std::greater<>> m_deadlines;
    QTimer m_timer;
    QElapsedTimer m_clock;
    ExpiryHandler m_onExpired;
};

} // namespace wamp
