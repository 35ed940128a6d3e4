#ifndef AUTHEN_KIOSK_CQRENCODE_SHIM_H
#define AUTHEN_KIOSK_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif
