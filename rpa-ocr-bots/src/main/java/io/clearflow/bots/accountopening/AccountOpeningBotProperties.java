package io.clearflow.bots.accountopening;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The account-opening bot ({@code clearflow.bots.account-opening.*}).
 *
 * @param minimumAge  an investor must be at least this old
 * @param languages   Tesseract languages for the ID card (the data folder is {@code clearflow.ocr.tessdata})
 * @param watchList   ID numbers and names that always go to a person
 */
@ConfigurationProperties("clearflow.bots.account-opening")
public record AccountOpeningBotProperties(@DefaultValue("18") int minimumAge,
                                          @DefaultValue("chi_sim+eng") String languages,
                                          @DefaultValue WatchList watchList) {

    public record WatchList(List<String> idNumbers, List<String> names) {
        public WatchList {
            idNumbers = idNumbers == null ? List.of() : idNumbers.stream().map(s -> s.strip().toUpperCase()).toList();
            names = names == null ? List.of() : names.stream().map(String::strip).toList();
        }
    }
}
