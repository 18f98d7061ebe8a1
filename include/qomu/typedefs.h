/* SPDX-License-Identifier: GPL-2.0-or-later */
/*
 * typedefs.h: forward declarations of the types many headers mention, so a
 * header can name a pointer type without including its whole definition.
 */
#ifndef QOMU_TYPEDEFS_H
#define QOMU_TYPEDEFS_H

typedef struct AddressSpace AddressSpace;
typedef struct BusClass BusClass;
typedef struct BusState BusState;
typedef struct Chardev Chardev;
typedef struct CPUState CPUState;
typedef struct DeviceClass DeviceClass;
typedef struct DeviceState DeviceState;
typedef struct Error Error;
typedef struct FlatView FlatView;
typedef struct IRQState *qemu_irq;
typedef struct MachineClass MachineClass;
typedef struct MachineState MachineState;
typedef struct MemoryRegion MemoryRegion;
typedef struct Object Object;
typedef struct ObjectClass ObjectClass;
typedef struct QDict QDict;
typedef struct QList QList;
typedef struct QObject QObject;
typedef struct Visitor Visitor;

#endif /* QOMU_TYPEDEFS_H */
