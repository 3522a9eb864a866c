package io.newsflow.app.eval.tagging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.newsflow.enrich.tag.ArticleTagger;
import io.newsflow.enrich.tag.SharedData;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PersonIdentityEvalTest {

    @Test
    void scoresEveryPairOfGoldMentions() {
        PersonIdentityEval.Mention bill = new PersonIdentityEval.Mention("c", "1", "Bill Clinton", "Bill Clinton");
        PersonIdentityEval.Mention bare = new PersonIdentityEval.Mention("c", "2", "Clinton", "Bill Clinton");
        PersonIdentityEval.Mention hillary = new PersonIdentityEval.Mention("c", "3", "Hillary Clinton", "Hillary Clinton");
        List<PersonIdentityEval.Mention> gold = List.of(bill, bare, hillary);

        PersonIdentityEval.Score linkedWrongly = PersonIdentityEval.score(gold, Map.of(bill, "person:bill-clinton",
                bare, "person:hillary-clinton", hillary, "person:hillary-clinton"));
        PersonIdentityEval.Score apart = PersonIdentityEval.score(gold, Map.of(bill, "person:bill-clinton",
                bare, "person:clinton", hillary, "person:hillary-clinton"));

        assertEquals(new PersonIdentityEval.Score(0, 0, 0, 1, 1, 0), linkedWrongly);
        assertEquals(new PersonIdentityEval.Score(0, 0, 0, 1, 0, 0), apart);
    }

    @Test
    void theShippedGoldOnSharedDataLinksMoreThanNamesAloneWithoutMerging() throws Exception {
        Path data = SharedData.require("data/ner/conll2003-train.txt").getParent().getParent();

        PersonIdentityEval.Result result = PersonIdentityEval.run(ArticleTagger.shipped(), data,
                PersonIdentityEval.shippedGold());

        System.out.println("person identity on the shipped gold: " + result);
        assertEquals(108, result.mentions());
        assertTrue(result.registry().recall() > result.namesAlone().recall(), result.toString());
        assertTrue(result.registry().precision() >= 0.9, result.toString());
    }
}
