#include "telephonyprovider.h"

namespace cti {

TelephonyProvider::TelephonyProvider(QObject *parent)
    : QObject(parent)
{
    registerMetaTypes();
}

TelephonyProvider::~TelephonyProvider() = default;

} // namespace cti
