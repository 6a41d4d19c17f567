package io.clearflow.bots.documents;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * OCR settings ({@code clearflow.ocr.*}), the one place every OCR user of the module (document extraction, the
 * reconciliation bot, the account-opening bot's ID-card reader) takes them from.
 *
 * @param tessdata Tesseract's data folder with the chi_sim and eng models (Debian's package puts them here)
 */
@ConfigurationProperties("clearflow.ocr")
public record OcrProperties(@DefaultValue(TesseractOcr.DEFAULT_DATAPATH) String tessdata) { }
