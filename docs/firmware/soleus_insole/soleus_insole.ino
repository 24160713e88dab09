// soleus_insole: one sensor insole (16 force-sensitive resistors through a CD74HC4067
// multiplexer) and an MPU6050 IMU on the same foot, streamed in the Soleus serial protocols
// (docs/serial-protocol.md). Runs on ESP32 and on AVR/SAMD Arduinos.
//
// Wiring
//   CD74HC4067: S0..S3 -> MUX_S0..MUX_S3, SIG -> MUX_SIG (an analog input), EN -> GND.
//   Each FSR from 3.3 V (5 V on AVR) to one mux channel, with a 10 kOhm resistor from that
//   channel to GND (voltage divider: more force, more counts).
//   MPU6050: SDA/SCL to the board's I2C pins, AD0 -> GND (address 0x68).
//
// Output
//   Binary protocol by default (COBS frames, CRC-32C, descriptor every second). Set
//   SOLEUS_LINE_PROTOCOL to 1 for the text line protocol, e.g. to watch it in a serial
//   monitor. Record with:
//     soleus record --port /dev/ttyUSB0 --baud 921600 --out walk.csv
//     soleus record --port /dev/ttyUSB0 --baud 921600 --protocol line --out walk.csv
//
// Channels: left.insole.cell01_counts .. cell16_counts (raw ADC counts), their sum as
// left.insole.force_counts (what `soleus live` detects steps on), and the IMU as
// left.foot.acc_{x,y,z}_mps2 and left.foot.gyr_{x,y,z}_dps, scaled by the descriptor.
// Change SIDE to "right" for the right foot.

#include <Arduino.h>
#include <Wire.h>

#define SOLEUS_LINE_PROTOCOL 0
#define SIDE "left"

static const uint32_t BAUD = 921600;
static const uint32_t SAMPLE_RATE_HZ = 100;
static const uint8_t MUX_S0 = 4, MUX_S1 = 5, MUX_S2 = 6, MUX_S3 = 7;
#if defined(ARDUINO_ARCH_ESP32)
static const uint8_t MUX_SIG = 34;   // ADC1 pin; the ESP32 ADC has 12 bits
#else
static const uint8_t MUX_SIG = A0;   // 10 bits on AVR
#endif
static const uint8_t MPU_ADDRESS = 0x68;
static const uint8_t CELLS = 16;
static const uint8_t IMU_AXES = 6;
static const uint8_t CHANNELS = CELLS + 1 + IMU_AXES;

// MPU6050 full-scale settings: +-2 g -> 16384 LSB/g, +-250 deg/s -> 131 LSB per deg/s.
static const float ACC_SCALE_MPS2 = 9.80665f / 16384.0f;
static const float GYR_SCALE_DPS = 1.0f / 131.0f;

#if !SOLEUS_LINE_PROTOCOL
// ---------------------------------------------------------------- CRC-32C (Castagnoli)
// Reflected polynomial 0x82F63B78, init 0xFFFFFFFF, final XOR 0xFFFFFFFF; a 16-entry table
// (two lookups per byte), updated byte by byte in put8(). CRC-32C("123456789") = 0xE3069283.
static const uint32_t CRC32C_NIBBLE[16] = {
    0x00000000UL, 0x105EC76FUL, 0x20BD8EDEUL, 0x30E349B1UL, 0x417B1DBCUL, 0x5125DAD3UL,
    0x61C69362UL, 0x7198540DUL, 0x82F63B78UL, 0x92A8FC17UL, 0xA24BB5A6UL, 0xB21572C9UL,
    0xC38D26C4UL, 0xD3D3E1ABUL, 0xE330A81AUL, 0xF36E6F75UL};

// ---------------------------------------------------------------- frames
// Frames are COBS-encoded on the fly, so a frame of any length (the descriptor takes about
// 900 bytes) needs only one 254-byte block of RAM: put8() adds a byte to the running CRC and
// to the current COBS block, which is sent when it holds 254 bytes or a zero arrives.
static uint8_t block[254];
static uint8_t blockLength;
static bool afterFullBlock;
static uint32_t frameCrc;

static void sendBlock() {
  Serial.write((uint8_t)(blockLength + 1));
  Serial.write(block, blockLength);
  afterFullBlock = blockLength == 254;
  blockLength = 0;
}

static void cobsPut(uint8_t b) {
  if (b == 0) {
    sendBlock();                    // the code byte stands for this zero
    afterFullBlock = false;
    return;
  }
  block[blockLength++] = b;
  if (blockLength == 254) sendBlock();
}

static void put8(uint8_t v) {
  frameCrc ^= v;
  frameCrc = (frameCrc >> 4) ^ CRC32C_NIBBLE[frameCrc & 15];
  frameCrc = (frameCrc >> 4) ^ CRC32C_NIBBLE[frameCrc & 15];
  cobsPut(v);
}
static void put16(uint16_t v) { put8(v & 0xFF); put8(v >> 8); }
static void put32(uint32_t v) { put16(v & 0xFFFF); put16(v >> 16); }
static void putFloat(float f) {
  uint32_t bits;
  memcpy(&bits, &f, 4);
  put32(bits);
}
static void putText8(const char *s) {
  size_t n = strlen(s);
  put8((uint8_t)n);
  for (size_t i = 0; i < n; i++) put8((uint8_t)s[i]);
}
static void putText16(const char *s) {
  size_t n = strlen(s);
  put16((uint16_t)n);
  for (size_t i = 0; i < n; i++) put8((uint8_t)s[i]);
}

static void beginFrame(uint8_t type, uint32_t sequence, uint32_t timeUs) {
  frameCrc = 0xFFFFFFFFUL;
  blockLength = 0;
  afterFullBlock = false;
  put8(type);
  put32(sequence);
  put32(timeUs);
}

// Appends the CRC-32C, sends the last block and the 0x00 delimiter.
static void endFrame() {
  uint32_t crc = frameCrc ^ 0xFFFFFFFFUL;
  for (uint8_t i = 0; i < 4; i++) cobsPut((uint8_t)(crc >> (8 * i)));
  if (blockLength > 0 || !afterFullBlock) sendBlock();
  Serial.write((uint8_t)0);
}
#endif

static const char *cellName(uint8_t c) {
  static char name[40];
  snprintf(name, sizeof name, SIDE ".insole.cell%02u_counts", (unsigned)(c + 1));
  return name;
}

static const char *const IMU_NAMES[IMU_AXES] = {
    SIDE ".foot.acc_x_mps2", SIDE ".foot.acc_y_mps2", SIDE ".foot.acc_z_mps2",
    SIDE ".foot.gyr_x_dps", SIDE ".foot.gyr_y_dps", SIDE ".foot.gyr_z_dps"};

#if !SOLEUS_LINE_PROTOCOL
static void sendDescriptor(uint32_t nextSequence, uint32_t timeUs) {
  beginFrame(0x01, nextSequence, timeUs);
  put8(1);                        // protocol version
  put32(SAMPLE_RATE_HZ * 1000UL); // rate in mHz
  put16(CHANNELS);
  for (uint8_t c = 0; c < CELLS; c++) {
    put8(2);                      // uint16 raw counts
    putFloat(1.0f);
    putFloat(0.0f);
    putText8(cellName(c));
  }
  put8(2);
  putFloat(1.0f);
  putFloat(0.0f);
  putText8(SIDE ".insole.force_counts");
  for (uint8_t a = 0; a < IMU_AXES; a++) {
    put8(1);                      // int16 raw counts
    putFloat(a < 3 ? ACC_SCALE_MPS2 : GYR_SCALE_DPS);
    putFloat(0.0f);
    putText8(IMU_NAMES[a]);
  }
  put16(2);                       // properties
  putText8("device");
  putText16("soleus_insole");
  putText8("firmware");
  putText16("1.0");
  endFrame();
}
#endif

// ---------------------------------------------------------------- sensors
static uint16_t cells[CELLS];
static int16_t imu[IMU_AXES];
static bool imuPresent;

static void readCells() {
  for (uint8_t c = 0; c < CELLS; c++) {
    digitalWrite(MUX_S0, c & 1);
    digitalWrite(MUX_S1, (c >> 1) & 1);
    digitalWrite(MUX_S2, (c >> 2) & 1);
    digitalWrite(MUX_S3, (c >> 3) & 1);
    delayMicroseconds(5);           // let the mux and the ADC input settle
    cells[c] = (uint16_t)analogRead(MUX_SIG);
  }
}

static bool readImu() {
  Wire.beginTransmission(MPU_ADDRESS);
  Wire.write(0x3B);                 // ACCEL_XOUT_H; 14 bytes: accel xyz, temperature, gyro xyz
  if (Wire.endTransmission(false) != 0) return false;
  if (Wire.requestFrom((int)MPU_ADDRESS, 14) != 14) return false;
  uint8_t b[14];
  for (uint8_t i = 0; i < 14; i++) b[i] = Wire.read();
  for (uint8_t a = 0; a < 3; a++) imu[a] = (int16_t)((b[2 * a] << 8) | b[2 * a + 1]);
  for (uint8_t a = 0; a < 3; a++) imu[3 + a] = (int16_t)((b[8 + 2 * a] << 8) | b[9 + 2 * a]);
  return true;
}

static void startImu() {
  Wire.begin();
  Wire.setClock(400000);
  Wire.beginTransmission(MPU_ADDRESS);
  Wire.write(0x6B);                 // PWR_MGMT_1: wake up, gyro X clock
  Wire.write(0x01);
  imuPresent = Wire.endTransmission() == 0;
  if (!imuPresent) return;
  const uint8_t config[][2] = {{0x1A, 0x03},   // CONFIG: 44 Hz digital low-pass
                               {0x1B, 0x00},   // GYRO_CONFIG: +-250 deg/s
                               {0x1C, 0x00}};  // ACCEL_CONFIG: +-2 g
  for (auto &r : config) {
    Wire.beginTransmission(MPU_ADDRESS);
    Wire.write(r[0]);
    Wire.write(r[1]);
    Wire.endTransmission();
  }
}

#if SOLEUS_LINE_PROTOCOL
// ---------------------------------------------------------------- line protocol
static void printLineHeader() {
  Serial.print("# sample_rate_hz: ");
  Serial.println(SAMPLE_RATE_HZ);
  Serial.println("# device: soleus_insole 1.0");
  Serial.print("time_us");
  for (uint8_t c = 0; c < CELLS; c++) {
    Serial.print(',');
    Serial.print(cellName(c));
  }
  Serial.print("," SIDE ".insole.force_counts");
  for (uint8_t a = 0; a < IMU_AXES; a++) {
    Serial.print(',');
    Serial.print(IMU_NAMES[a]);
  }
  Serial.println();
}

static void printLine(uint32_t timeUs, uint16_t force) {
  Serial.print(timeUs);
  for (uint8_t c = 0; c < CELLS; c++) {
    Serial.print(',');
    Serial.print(cells[c]);
  }
  Serial.print(',');
  Serial.print(force);
  for (uint8_t a = 0; a < IMU_AXES; a++) {
    Serial.print(',');
    if (imuPresent) Serial.print(imu[a] * (a < 3 ? ACC_SCALE_MPS2 : GYR_SCALE_DPS), 4);
  }
  Serial.println();
}
#endif

// ---------------------------------------------------------------- main loop
static uint32_t nextSampleUs;
#if !SOLEUS_LINE_PROTOCOL
static uint32_t sequence;
static uint32_t samplesSinceDescriptor;
#endif

void setup() {
  pinMode(MUX_S0, OUTPUT);
  pinMode(MUX_S1, OUTPUT);
  pinMode(MUX_S2, OUTPUT);
  pinMode(MUX_S3, OUTPUT);
#if defined(ARDUINO_ARCH_ESP32)
  analogReadResolution(12);
#endif
  Serial.begin(BAUD);
  startImu();
#if SOLEUS_LINE_PROTOCOL
  printLineHeader();
#else
  Serial.write((uint8_t)0);         // a delimiter first, so the first frame counts
  sendDescriptor(0, micros());
#endif
  nextSampleUs = micros();
}

void loop() {
  uint32_t now = micros();
  if ((int32_t)(now - nextSampleUs) < 0) return;
  nextSampleUs += 1000000UL / SAMPLE_RATE_HZ;
  uint32_t timeUs = now;
  readCells();
  bool imuOk = imuPresent && readImu();
  uint32_t sum = 0;
  for (uint8_t c = 0; c < CELLS; c++) sum += cells[c];
  uint16_t force = sum > 65534UL ? 65534 : (uint16_t)sum;
#if SOLEUS_LINE_PROTOCOL
  if (!imuOk) imuPresent = false;
  printLine(timeUs, force);
#else
  if (samplesSinceDescriptor >= SAMPLE_RATE_HZ) {
    sendDescriptor(sequence, timeUs);
    samplesSinceDescriptor = 0;
  }
  beginFrame(0x02, sequence, timeUs);
  for (uint8_t c = 0; c < CELLS; c++) put16(cells[c]);
  put16(force);
  for (uint8_t a = 0; a < IMU_AXES; a++) put16(imuOk ? (uint16_t)imu[a] : 0x8000);  // -32768: missing
  endFrame();
  sequence++;
  samplesSinceDescriptor++;
#endif
}
