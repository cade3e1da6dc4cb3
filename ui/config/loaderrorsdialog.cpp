#include "loaderrorsdialog.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QTreeWidget>
#include <QVBoxLayout>

LoadErrorsDialog::LoadErrorsDialog(const QString& file, const QStringList& errors, QWidget* parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Cannot open %1").arg(QFileInfo(file).fileName()));
    auto* intro = new QLabel(tr("%1 is not a configuration Wampscope can run (problems: %2). The current "
                                "configuration stays open.")
                                 .arg(QDir::toNativeSeparators(file))
                                 .arg(errors.size()));
    intro->setWordWrap(true);
    auto* list = new QTreeWidget;
    list->setObjectName(QStringLiteral("problems"));
    list->setHeaderLabels({tr("Where"), tr("Problem")});
    list->setRootIsDecorated(false);
    list->setWordWrap(true);
    list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    for (const QString& error : errors) {
        const qsizetype colon = error.indexOf(QLatin1String(": "));
        auto* item = new QTreeWidgetItem(
            list, {colon < 0 ? QString() : error.left(colon), colon < 0 ? error : error.mid(colon + 2)});
        item->setToolTip(1, item->text(1));
    }
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(list, 1);
    layout->addWidget(buttons);
    resize(760, 360);
}
