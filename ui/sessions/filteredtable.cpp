#include "filteredtable.h"

#include <QHeaderView>
#include <QLineEdit>
#include <QScopedValueRollback>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace {

// Rows measured when fitting a column: enough for a true width, bounded for big tables.
constexpr int kFitPrecisionRows = 200;

} // namespace

FilteredTable::FilteredTable(QAbstractItemModel* model, int sortRole, QWidget* parent)
    : QWidget(parent)
    , m_proxy(new QSortFilterProxyModel(this))
    , m_view(new QTableView)
    , m_filter(new QLineEdit)
    , m_toolBar(new QToolBar)
    , m_fitTimer(new QTimer(this))
{
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(sortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setSortCaseSensitivity(Qt::CaseInsensitive);

    m_filter->setObjectName(QStringLiteral("filter"));
    m_filter->setPlaceholderText(tr("Filter (any column)"));
    m_filter->setClearButtonEnabled(true);
    m_filter->setMaximumWidth(320);
    connect(m_filter, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->addWidget(m_filter);

    m_view->setModel(m_proxy);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(0, Qt::AscendingOrder);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::SingleSelection);
    m_view->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 8);
    QHeaderView* header = m_view->horizontalHeader();
    header->setHighlightSections(false);
    header->setResizeContentsPrecision(kFitPrecisionRows);
    connect(header, &QHeaderView::sectionResized, this, [this, header](int column) {
        if (!m_fitting && header->sectionResizeMode(column) == QHeaderView::Interactive)
            m_userSized.insert(column);
    });

    // New rows are fitted in one go per event-loop pass, however many arrive.
    m_fitTimer->setSingleShot(true);
    m_fitTimer->setInterval(0);
    connect(m_fitTimer, &QTimer::timeout, this, [this] { fitColumns(Fit::Grow); });
    connect(model, &QAbstractItemModel::rowsInserted, m_fitTimer, qOverload<>(&QTimer::start));
    fitColumns(Fit::Exact);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_toolBar);
    layout->addWidget(m_view);
}

void FilteredTable::setStretchColumn(int column)
{
    m_view->horizontalHeader()->setSectionResizeMode(column, QHeaderView::Stretch);
}

void FilteredTable::fitColumns(Fit fit)
{
    const QScopedValueRollback fitting(m_fitting, true);
    QHeaderView* header = m_view->horizontalHeader();
    const QAbstractItemView* view = m_view;
    for (int column = 0; column < header->count(); ++column) {
        if (m_userSized.contains(column) || header->sectionResizeMode(column) != QHeaderView::Interactive)
            continue;
        const int wanted = std::min(
            std::max(view->sizeHintForColumn(column), header->sectionSizeHint(column)), kMaxAutoWidth);
        if (fit == Fit::Exact || wanted > header->sectionSize(column))
            header->resizeSection(column, wanted);
    }
}
