#pragma once

#include <QDialog>

class QBoxLayout;
class QDialogButtonBox;
class QLabel;

namespace desk {

// A dialog that edits what the desk's own store keeps or, in shared mode, the server's (office hours, deadline
// rules): a status line below the form and Save/Close buttons. Save (accept) calls save(); on success the status line
// says where it was saved and the dialog closes, otherwise it shows why not, announced, and stays open.
class SavingDialog : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SavingDialog)

public:
    ~SavingDialog() override;

    QString message() const; // the status line (errors, "Saved.", the offline note)

    // Writes what the dialog shows; false with the reason for the status line.
    virtual bool save(QString *error) = 0;
    void accept() override;

protected:
    explicit SavingDialog(QWidget *parent = nullptr);

    // Whether save() writes to the server (shared mode) rather than the desk's own store.
    virtual bool savesOnServer() const = 0;

    // The status line, added to `layout`; `name` is its accessible name while it is empty.
    QLabel *addStatusLine(QBoxLayout *layout, const QString &name);
    // Save and Close, added to `layout`; `saveDescription` says what Save saves.
    QDialogButtonBox *addButtons(QBoxLayout *layout, const QString &saveDescription);
    // Shows `text` in the status line; with `announce` a change is announced to screen readers (Alert).
    void showMessage(const QString &text, bool announce);

private:
    QLabel *m_message = nullptr;
    QString m_statusName;
};

} // namespace desk
