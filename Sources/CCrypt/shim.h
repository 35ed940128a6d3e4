// libxcrypt: the admin PIN is kept as a yescrypt hash, the way /etc/shadow keeps passwords.
#include <crypt.h>
