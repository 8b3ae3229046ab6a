#pragma once

#include "searchresultmodel.h"

#include <QWidget>

class QListView;
class QToolButton;

namespace desk {

// The A–Z index: every service of the catalogue in German collation order, with a letter bar that jumps to
// the first service of a letter (umlauts file under their base letter, as in a printed index). Typing a
// letter in the list jumps as well.
class AzIndex final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AzIndex)

public:
    explicit AzIndex(QWidget *parent = nullptr);
    ~AzIndex() override;

    void setItems(const QList<kb::ResultItem> &sortedItems);
    // Selects the first service of `letter` (A–Z) and focuses the list; false if there is none.
    bool jumpTo(QChar letter);
    QListView *listView() const;
    kb::SearchResultModel *model() const;
    static QChar indexLetter(const QString &title);

Q_SIGNALS:
    void articleRequested(const QString &id);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    kb::SearchResultModel *m_model;
    QListView *m_list;
    QList<QToolButton *> m_letters;
};

} // namespace desk
