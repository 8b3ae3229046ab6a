#include "conflictdialog.h"

#include "diffview.h"
#include "screenfit.h"
#include "textdiff.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QTextBrowser>
#include <QVBoxLayout>

namespace desk {

ConflictDialog::ConflictDialog(const kb::Article &theirs, const kb::Article &mine, QWidget *parent)
    : QDialog(parent), m_theirs(theirs), m_mine(mine), m_comparison(new QTextBrowser(this)),
      m_takeTheirs(new QPushButton(tr("Take &theirs"), this)), m_keepMine(new QPushButton(tr("&Keep mine"), this)),
      m_merge(new QPushButton(tr("&Merge by hand"), this))
{
    setObjectName(QStringLiteral("ConflictDialog"));
    setWindowTitle(tr("Someone published “%1” meanwhile").arg(theirs.title));
    auto *intro = new QLabel(tr("A colleague published version %1 of this service while you were editing. Your text "
                                "is kept as your draft. Compare both and decide; the published versions stay in the "
                                "history either way.")
                                 .arg(theirs.version),
                             this);
    intro->setWordWrap(true);
    intro->setAccessibleName(tr("Explanation"));
    m_comparison->setHtml(renderSideBySideDiff(
        kb::diffArticles(theirs, mine), tr("Published now (theirs, version %1)").arg(theirs.version), tr("Yours")));
    m_comparison->setAccessibleName(tr("Both versions side by side"));
    m_comparison->setAccessibleDescription(
        tr("Each changed field: the published text on the left, your text on the right"));
    m_takeTheirs->setAccessibleName(tr("Take theirs"));
    m_takeTheirs->setAccessibleDescription(tr("Discard your draft and continue from the published version"));
    m_keepMine->setAccessibleName(tr("Keep mine"));
    m_keepMine->setAccessibleDescription(tr("Save your version as a draft on top of the published one"));
    m_merge->setAccessibleName(tr("Merge by hand"));
    m_merge->setAccessibleDescription(
        tr("Keep this comparison open and edit your draft, now based on the published version"));
    auto *buttons = new QDialogButtonBox(this);
    buttons->addButton(m_takeTheirs, QDialogButtonBox::ActionRole);
    buttons->addButton(m_keepMine, QDialogButtonBox::ActionRole);
    buttons->addButton(m_merge, QDialogButtonBox::ActionRole);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_comparison, 1);
    layout->addWidget(buttons);
    resizeWithinScreen(this, QSize(900, 600));

    const auto choose = [this](Choice choice) {
        Q_EMIT chosen(choice);
        if (choice == MergeByHand) {
            // Stays open beside the editor as the reference; the choice buttons are spent.
            m_takeTheirs->setEnabled(false);
            m_keepMine->setEnabled(false);
            m_merge->setEnabled(false);
            setModal(false);
        } else {
            done(choice);
        }
    };
    connect(m_takeTheirs, &QPushButton::clicked, this, [choose]() { choose(TakeTheirs); });
    connect(m_keepMine, &QPushButton::clicked, this, [choose]() { choose(KeepMine); });
    connect(m_merge, &QPushButton::clicked, this, [choose]() { choose(MergeByHand); });
}

ConflictDialog::~ConflictDialog() = default;

const kb::Article &ConflictDialog::theirs() const
{
    return m_theirs;
}

const kb::Article &ConflictDialog::mine() const
{
    return m_mine;
}

QTextBrowser *ConflictDialog::comparison() const
{
    return m_comparison;
}

QPushButton *ConflictDialog::button(Choice choice) const
{
    switch (choice) {
    case TakeTheirs:
        return m_takeTheirs;
    case KeepMine:
        return m_keepMine;
    case MergeByHand:
        return m_merge;
    }
    return nullptr;
}

} // namespace desk
