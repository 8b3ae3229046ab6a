#pragma once

#include "journaltypes.h"

#include <QWidget>

class QCheckBox;
class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;

namespace desk {

// Opens when a call ends: topic services (the article on screen proposed), notes, "no data kept", and exactly one
// outcome. Every change is reported (changed()) so the desk saves the draft at once; the outcome buttons emit
// outcomeChosen() and the desk commits.
class WrapUpPanel final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(WrapUpPanel)

public:
    explicit WrapUpPanel(QWidget *parent = nullptr);
    ~WrapUpPanel() override;

    // Shows the record (draft) and takes the keyboard focus.
    void open(const journal::CallRecord &record, const QHash<QString, QString> &serviceTitles);
    void close();
    bool isOpen() const;
    journal::CallRecord record() const;  // the shown record with the panel's edits
    void addService(const QString &id, const QString &title);
    void setMessage(const QString &text);
    QString message() const;

Q_SIGNALS:
    void changed();
    void outcomeChosen(journal::Outcome outcome);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();

    QLabel *m_title;
    QLabel *m_servicesLabel;
    QListWidget *m_services;
    QPushButton *m_removeService;
    QLabel *m_notesLabel;
    QPlainTextEdit *m_notes;
    QCheckBox *m_noData;
    QPushButton *m_answered;
    QPushButton *m_forward;
    QPushButton *m_appointment;
    QLabel *m_message;
    journal::CallRecord m_record;
    bool m_open = false;
    bool m_loading = false;
};

} // namespace desk
