package org.careweave.synth;

import java.util.List;
import java.util.SplittableRandom;

import org.careweave.shared.DataFile;

/** Common English given and family names and street names, from the {@code synth/*.txt} lists. */
final class Names {

    private final List<String> female;
    private final List<String> male;
    private final List<String> family;
    private final List<String> streets;

    private Names(List<String> female, List<String> male, List<String> family, List<String> streets) {
        this.female = female;
        this.male = male;
        this.family = family;
        this.streets = streets;
    }

    static Names load() {
        return new Names(DataFile.lines("classpath:synth/given-names-female.txt"),
                DataFile.lines("classpath:synth/given-names-male.txt"), DataFile.lines("classpath:synth/family-names.txt"),
                DataFile.lines("classpath:synth/street-names.txt"));
    }

    String given(boolean isFemale, SplittableRandom random) {
        List<String> names = isFemale ? female : male;
        return names.get(random.nextInt(names.size()));
    }

    String family(SplittableRandom random) {
        return family.get(random.nextInt(family.size()));
    }

    String street(int index) {
        return streets.get(Math.floorMod(index, streets.size()));
    }
}
