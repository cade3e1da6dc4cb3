#include "statisticsview.h"

#include "topurismodel.h"
#include "trafficchart.h"

#include "core/routercontroller.h"

#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QTableView>
#include <QVBoxLayout>

StatisticsView::StatisticsView(QWidget* parent)
    : QWidget(parent)
    , m_chart(new TrafficChart)
    , m_topUris(new TopUrisModel(this))
    , m_table(new QTableView)
    , m_totals(new QLabel)
{
    m_chart->setObjectName(QStringLiteral("trafficChart"));
    m_table->setObjectName(QStringLiteral("topUris"));
    m_table->setModel(m_topUris);
    m_table->verticalHeader()->hide();
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setShowGrid(false);
    m_table->setWordWrap(false);
    QHeaderView* header = m_table->horizontalHeader();
    header->setSectionResizeMode(TopUrisModel::UriColumn, QHeaderView::Stretch);
    header->setSectionResizeMode(TopUrisModel::CountColumn, QHeaderView::ResizeToContents);
    header->setSectionResizeMode(TopUrisModel::ShareColumn, QHeaderView::ResizeToContents);
    header->setHighlightSections(false);
    header->setDefaultAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);

    auto* resetButton = new QPushButton(tr("Reset"));
    resetButton->setToolTip(tr("Start counting from zero"));
    connect(resetButton, &QPushButton::clicked, this, &StatisticsView::reset);
    auto* totalsRow = new QHBoxLayout;
    totalsRow->addWidget(m_totals, 1);
    totalsRow->addWidget(resetButton);

    auto* tableBox = new QWidget;
    auto* tableLayout = new QVBoxLayout(tableBox);
    tableLayout->setContentsMargins(0, 0, 0, 0);
    tableLayout->addLayout(totalsRow);
    tableLayout->addWidget(new QLabel(tr("<b>Top URIs</b> (calls, publications, registrations, "
                                         "subscriptions and errors, by message count)")));
    tableLayout->addWidget(m_table);

    auto* splitter = new QSplitter(Qt::Vertical);
    splitter->addWidget(m_chart);
    splitter->addWidget(tableBox);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    m_timer.setInterval(1000);
    connect(&m_timer, &QTimer::timeout, this, &StatisticsView::refresh);
    m_timer.start();
    refresh();
}

StatisticsView::StatisticsView(RouterController& controller, QWidget* parent)
    : StatisticsView(parent)
{
    connect(&controller, &RouterController::traceRecorded, this, &StatisticsView::addEntries);
}

void StatisticsView::addEntries(const QList<wamp::TraceEntry>& entries)
{
    m_statistics.add(entries);
}

void StatisticsView::refresh()
{
    // The last complete second: the current one is still counting.
    const qint64 lastSecond = QDateTime::currentSecsSinceEpoch() - 1;
    m_chart->setHistory(m_statistics.history(lastSecond));
    m_topUris->setCounts(m_statistics.topUris(kTopUriRows), m_statistics.totalWithUri());
    const QLocale locale;
    m_totals->setText(
        tr("Since the start or reset: %1 messages in, %2 out")
            .arg(locale.toString(m_statistics.totalIn()), locale.toString(m_statistics.totalOut())));
}

void StatisticsView::reset()
{
    m_statistics.clear();
    refresh();
}
