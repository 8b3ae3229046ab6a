#include "shortcutsoverlay.h"

#include <QAction>
#include <QEvent>
#include <QKeyEvent>
#include <QLabel>
#include <QPainter>
#include <QVBoxLayout>

namespace desk {

ShortcutsOverlay::ShortcutsOverlay(QWidget *parent) : QWidget(parent), m_label(new QLabel(this))
{
    setFocusPolicy(Qt::StrongFocus);
    setAttribute(Qt::WA_NoSystemBackground);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_label, 0, Qt::AlignCenter);
    m_label->setAutoFillBackground(true);
    m_label->setBackgroundRole(QPalette::Base);
    m_label->setForegroundRole(QPalette::Text);
    m_label->setMargin(20);
    m_label->setTextFormat(Qt::RichText);
    m_label->setFrameShape(QFrame::StyledPanel);
    parent->installEventFilter(this);
    hide();
}

ShortcutsOverlay::~ShortcutsOverlay() = default;

void ShortcutsOverlay::setActions(const QList<QAction *> &actions)
{
    m_actions = actions;
    rebuild();
}

void ShortcutsOverlay::rebuild()
{
    setAccessibleName(tr("Keyboard shortcuts"));
    setAccessibleDescription(tr("Lists every action with its shortcut. Esc or F1 closes it."));
    QStringList rows;
    for (QAction *action : std::as_const(m_actions)) {
        if (action->shortcuts().isEmpty()) {
            continue;
        }
        QStringList keys;
        for (const QKeySequence &seq : action->shortcuts()) {
            keys << QStringLiteral("<b>%1</b>").arg(seq.toString(QKeySequence::NativeText).toHtmlEscaped());
        }
        rows << QStringLiteral("<tr><td style=\"padding-right:24px\">%1</td><td>%2</td></tr>")
                    .arg(keys.join(QStringLiteral(" · ")), action->text().remove(QLatin1Char('&')).toHtmlEscaped());
    }
    const QString extra[][2] = {
        {tr("Down / Up"), tr("Move between the search box and the results")},
        {tr("Enter"), tr("Open the selected service")},
        {tr("Esc"), tr("Back to the search box; clears it when already there")},
        {tr("Letter in the A–Z list"), tr("Jump to services starting with that letter")},
    };
    for (const auto &row : extra) {
        rows << QStringLiteral("<tr><td style=\"padding-right:24px\"><b>%1</b></td><td>%2</td></tr>")
                    .arg(row[0].toHtmlEscaped(), row[1].toHtmlEscaped());
    }
    // With the call and editorial keys there are some 45 rows: in one column they ran off a 1280×800 screen.
    const auto table = [](const QStringList &part) {
        return QStringLiteral("<table cellspacing=\"0\" cellpadding=\"4\">%1</table>").arg(part.join(QString()));
    };
    QString html = QStringLiteral("<h2>%1</h2>").arg(tr("Keyboard shortcuts"));
    constexpr qsizetype OneColumnRows = 16;
    if (rows.size() <= OneColumnRows) {
        html += table(rows);
    } else {
        const qsizetype half = (rows.size() + 1) / 2;
        html += QStringLiteral("<table cellspacing=\"0\" cellpadding=\"0\"><tr><td valign=\"top\">%1</td>"
                               "<td width=\"32\"></td><td valign=\"top\">%2</td></tr></table>")
                    .arg(table(rows.mid(0, half)), table(rows.mid(half)));
    }
    html += QStringLiteral("<p>%1</p>").arg(tr("Press Esc or F1 to close."));
    m_label->setText(html);
    m_label->setAccessibleName(tr("Keyboard shortcuts"));
}

QString ShortcutsOverlay::listedText() const
{
    return m_label->text();
}

void ShortcutsOverlay::toggle()
{
    if (isVisible()) {
        hide();
        return;
    }
    rebuild();
    setGeometry(parentWidget()->rect());
    raise();
    show();
    setFocus(Qt::ShortcutFocusReason);
}

void ShortcutsOverlay::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    QColor shade = palette().color(QPalette::Shadow);
    shade.setAlpha(150);
    p.fillRect(rect(), shade);
}

void ShortcutsOverlay::keyPressEvent(QKeyEvent *event)
{
    if (event->key() == Qt::Key_Escape || event->key() == Qt::Key_F1) {
        hide();
        return;
    }
    QWidget::keyPressEvent(event);
}

void ShortcutsOverlay::mousePressEvent(QMouseEvent *)
{
    hide();
}

bool ShortcutsOverlay::eventFilter(QObject *watched, QEvent *event)
{
    if (watched == parentWidget() && event->type() == QEvent::Resize && isVisible()) {
        setGeometry(parentWidget()->rect());
    }
    return QWidget::eventFilter(watched, event);
}

void ShortcutsOverlay::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange) {
        rebuild();
    }
    QWidget::changeEvent(event);
}

} // namespace desk
