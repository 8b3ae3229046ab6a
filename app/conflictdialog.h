#pragma once

#include "article.h"

#include <QDialog>

class QPushButton;
class QTextBrowser;

namespace desk {

// A save or publish found that a colleague published the article meanwhile. Shows what is published now (theirs)
// beside this lead's version (mine), field by field, and lets the lead take theirs, keep mine (saved again on top of
// theirs, so nothing of theirs is silently lost: it stays in the history) or merge by hand in the editor.
class ConflictDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ConflictDialog)

public:
    enum Choice {
        TakeTheirs = 1,
        KeepMine,
        MergeByHand,
    };
    Q_ENUM(Choice)

    ConflictDialog(const kb::Article &theirs, const kb::Article &mine, QWidget *parent = nullptr);
    ~ConflictDialog() override;

    const kb::Article &theirs() const;
    const kb::Article &mine() const;
    QTextBrowser *comparison() const;
    QPushButton *button(Choice choice) const;

Q_SIGNALS:
    void chosen(desk::ConflictDialog::Choice choice);

private:
    kb::Article m_theirs;
    kb::Article m_mine;
    QTextBrowser *m_comparison;
    QPushButton *m_takeTheirs;
    QPushButton *m_keepMine;
    QPushButton *m_merge;
};

} // namespace desk
