#include "azindex.h"

#include "resultdelegate.h"

#include <QEvent>
#include <QGridLayout>
#include <QListView>
#include <QToolButton>
#include <QVBoxLayout>

namespace desk {

AzIndex::AzIndex(QWidget *parent)
    : QWidget(parent), m_model(new kb::SearchResultModel(this)), m_list(new QListView(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 4, 0, 0);
    auto *grid = new QGridLayout;
    grid->setSpacing(2);
    for (char c = 'A'; c <= 'Z'; ++c) {
        auto *button = new QToolButton(this);
        const QChar letter = QLatin1Char(c);
        button->setText(letter);
        button->setAutoRaise(true);
        button->setMinimumWidth(24);
        button->setFocusPolicy(Qt::TabFocus);
        connect(button, &QToolButton::clicked, this, [this, letter]() { jumpTo(letter); });
        const int i = c - 'A';
        grid->addWidget(button, i / 13, i % 13);
        m_letters.append(button);
    }
    layout->addLayout(grid);
    m_list->setModel(m_model);
    m_list->setItemDelegate(new ResultDelegate(m_list));
    m_list->setUniformItemSizes(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_list->setEditTriggers(QAbstractItemView::NoEditTriggers);
    layout->addWidget(m_list, 1);
    connect(m_list, &QListView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT articleRequested(index.data(kb::SearchResultModel::IdRole).toString());
    });
    retranslateUi();
}

AzIndex::~AzIndex() = default;

QChar AzIndex::indexLetter(const QString &title)
{
    for (const QChar c : title) {
        if (!c.isLetterOrNumber()) {
            continue; // skip quotes and brackets in front of a title
        }
        // Fold umlauts and accents to their base letter: decompose, keep the first code point.
        const QString folded = QString(c).normalized(QString::NormalizationForm_D);
        const QChar base = folded.isEmpty() ? c : folded.at(0).toUpper();
        return base;
    }
    return {};
}

void AzIndex::setItems(const QList<kb::ResultItem> &sortedItems)
{
    m_model->setItems(sortedItems);
    QSet<QChar> present;
    for (const kb::ResultItem &item : sortedItems) {
        present.insert(indexLetter(item.title));
    }
    for (QToolButton *button : std::as_const(m_letters)) {
        button->setEnabled(present.contains(button->text().at(0)));
    }
}

bool AzIndex::jumpTo(QChar letter)
{
    const QChar wanted = letter.toUpper();
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (indexLetter(m_model->item(row).title) == wanted) {
            const QModelIndex index = m_model->index(row);
            m_list->setCurrentIndex(index);
            m_list->scrollTo(index, QAbstractItemView::PositionAtTop);
            m_list->setFocus(Qt::OtherFocusReason);
            return true;
        }
    }
    return false;
}

QListView *AzIndex::listView() const
{
    return m_list;
}

kb::SearchResultModel *AzIndex::model() const
{
    return m_model;
}

void AzIndex::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslateUi();
    }
    QWidget::changeEvent(event);
}

void AzIndex::retranslateUi()
{
    for (QToolButton *button : std::as_const(m_letters)) {
        const QString letter = button->text();
        button->setAccessibleName(tr("Letter %1").arg(letter));
        button->setAccessibleDescription(tr("Jump to the first service starting with %1").arg(letter));
        button->setToolTip(tr("Services starting with %1").arg(letter));
    }
    m_list->setAccessibleName(tr("All services A to Z"));
    m_list->setAccessibleDescription(
        tr("Every service of the catalogue in alphabetical order. Type a letter to jump, Enter opens the service."));
}

} // namespace desk
