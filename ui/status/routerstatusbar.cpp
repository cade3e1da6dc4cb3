#include "routerstatusbar.h"

#include "core/routercontroller.h"
#include "statuscolours.h"

#include <QAbstractItemModel>
#include <QLabel>

namespace {

constexpr int kMessageTimeoutMs = 10000;

} // namespace

RouterStatusBar::RouterStatusBar(RouterController& controller, QAbstractItemModel* sessions, QWidget* parent)
    : QStatusBar(parent)
    , m_controller(controller)
    , m_sessions(sessions)
    , m_endpoints(new QLabel)
    , m_errors(new QLabel)
    , m_sessionCount(new QLabel)
{
    setObjectName(QStringLiteral("statusBar"));
    m_endpoints->setObjectName(QStringLiteral("endpoints"));
    m_errors->setObjectName(QStringLiteral("transportErrors"));
    m_sessionCount->setObjectName(QStringLiteral("sessionCount"));
    QPalette errorPalette = m_errors->palette();
    errorPalette.setColor(QPalette::WindowText, StatusColours::bad());
    m_errors->setPalette(errorPalette);
    m_endpoints->setTextInteractionFlags(Qt::TextSelectableByMouse);
    // Long endpoint lists and error texts must not widen the window past the screen: the labels take the
    // width they are given (the full text stays in their tooltips).
    for (QLabel* label : {m_endpoints, m_errors})
        label->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    addWidget(m_endpoints, 1);
    addWidget(m_errors, 1);
    addPermanentWidget(m_sessionCount);

    connect(&controller, &RouterController::transportsChanged, this, &RouterStatusBar::showTransports);
    connect(&controller, &RouterController::runningChanged, this, &RouterStatusBar::showRunning);
    connect(
        &controller, &RouterController::connectionRejected, this,
        [this](const QString& transportId, const QString& peerAddress, const QString& reason) {
            showMessage(
                tr("Transport %1 rejected a connection from %2: %3").arg(transportId, peerAddress, reason),
                kMessageTimeoutMs);
        });
    connect(sessions, &QAbstractItemModel::rowsInserted, this, &RouterStatusBar::updateSessionCount);
    connect(sessions, &QAbstractItemModel::rowsRemoved, this, &RouterStatusBar::updateSessionCount);
    connect(sessions, &QAbstractItemModel::modelReset, this, &RouterStatusBar::updateSessionCount);
    showRunning(controller.isRunning());
    updateSessionCount();
}

QString RouterStatusBar::endpointsText() const
{
    return m_endpoints->text();
}

QString RouterStatusBar::errorText() const
{
    return m_errors->text();
}

QString RouterStatusBar::sessionsText() const
{
    return m_sessionCount->text();
}

void RouterStatusBar::showRunning(bool running)
{
    m_errors->clear();
    m_endpoints->setText(running ? tr("Starting…") : tr("Router stopped"));
}

void RouterStatusBar::showTransports(const QList<wamp::TransportStatus>& transports)
{
    if (!m_controller.isRunning()) {
        m_endpoints->setText(tr("Router stopped"));
        m_errors->clear();
        return;
    }
    QStringList addresses;
    QStringList errors;
    for (const wamp::TransportStatus& transport : transports) {
        if (transport.listening)
            addresses.append(transport.address);
        else if (!transport.error.isEmpty())
            errors.append(tr("%1 failed: %2").arg(transport.id, transport.error));
    }
    m_endpoints->setText(addresses.isEmpty()
                             ? tr("Not listening")
                             : tr("Listening on %1").arg(addresses.join(QLatin1StringView(", "))));
    m_endpoints->setToolTip(addresses.join(QLatin1Char('\n')));
    m_errors->setText(errors.join(QLatin1StringView("; ")));
    m_errors->setToolTip(errors.join(QLatin1Char('\n')));
}

void RouterStatusBar::updateSessionCount()
{
    m_sessionCount->setText(tr("Sessions: %1").arg(m_sessions->rowCount()));
}
