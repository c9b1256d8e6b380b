"""Quotations attached to a speaker named in another sentence (extract/rules/quotes.py)."""

from constructions import check


def test_a_quotation_alone_continues_the_last_direct_speaker():
    check('Anna Lund spoke to reporters on Tuesday. "We have won a fair deal for every member of the union," '
          'she said. "Nobody will lose their job because of this agreement."',
          ("inverted-said", "Anna Lund", '"We have won a fair deal for every member of the union,"'),
          ("quote-continuation", "Anna Lund", '"Nobody will lose their job because of this agreement."'))


def test_an_attribution_without_content_takes_the_quotation_before_it():
    check('"We have won a fair deal for every member of the union." Anna Lund said.',
          ("quote-then-said", "Anna Lund", '"We have won a fair deal for every member of the union."'))


def test_an_attribution_without_content_takes_the_quotation_after_it():
    check('Anna Lund said in a statement on Tuesday:\n"We have won a fair deal for every member of the union."',
          ("said-then-quote", "Anna Lund", '"We have won a fair deal for every member of the union."'))


def test_a_short_quotation_continues_nobody():
    check('"The strike is over," Anna Lund said. "Good."', ("inverted-said", "Anna Lund", '"The strike is over,"'))
