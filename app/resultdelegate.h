#pragma once

#include <QStyledItemDelegate>

namespace desk {

// Paints a kb::SearchResultModel row: title, responsible office, and the snippet with its <mark>ed words
// highlighted in the palette's highlight colour. Rows without snippet (A–Z, recent) are two lines high.
class ResultDelegate final : public QStyledItemDelegate
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ResultDelegate)

public:
    explicit ResultDelegate(QObject *parent = nullptr);
    ~ResultDelegate() override;

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
};

} // namespace desk
