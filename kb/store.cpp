#include "store.h"

namespace kb {

Store::~Store() = default;

} // namespace kb
