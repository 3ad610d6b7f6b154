#!/bin/sh
# Tesseract with the Vietnamese language data (OCR of scans, motcua/documents/ocr.py).
# Installed as root with apt when missing, the way the browser tests get chromium.
if ! command -v tesseract >/dev/null || ! tesseract --list-langs 2>/dev/null | grep -qx vie; then
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
        apt-get update -qq && apt-get install -y -qq tesseract-ocr tesseract-ocr-vie
    else
        echo "tesseract (Vietnamese) is missing: OCR will fail (sudo apt-get install tesseract-ocr tesseract-ocr-vie)" >&2
    fi
fi
