#ifndef AUTHEN_KIOSK_CPCSC_SHIM_H
#define AUTHEN_KIOSK_CPCSC_SHIM_H
#include <PCSC/winscard.h>
#include <PCSC/reader.h>
#endif
