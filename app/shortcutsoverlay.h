#pragma once

#include <QList>
#include <QWidget>

class QAction;
class QLabel;

namespace desk {

// The F1 help overlay: a translucent sheet over the whole window listing every action with its shortcuts,
// built from the actions themselves so it cannot go out of date. Esc, F1 or a click closes it.
class ShortcutsOverlay final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ShortcutsOverlay)

public:
    explicit ShortcutsOverlay(QWidget *parent);
    ~ShortcutsOverlay() override;

    void setActions(const QList<QAction *> &actions);
    void toggle();
    QString listedText() const;

protected:
    void paintEvent(QPaintEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void mousePressEvent(QMouseEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void rebuild();

    QList<QAction *> m_actions;
    QLabel *m_label;
};

} // namespace desk
