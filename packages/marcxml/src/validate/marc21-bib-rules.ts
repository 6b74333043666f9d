// MARC 21 Bibliographic content rules as MARC::Lint 1.51 checks them (its __DATA__ table, which
// follows LC's MARC 21 Format for Bibliographic Data), transcribed to one line per tag:
//
//   TAG REPEATABILITY [IND1 IND2 NR-SUBFIELDS R-SUBFIELDS]
//
// Indicators: '-' = blank only, otherwise the allowed values ('b' = blank, '0-9' = a range).
// Subfields: the codes that are not repeatable, then those that are ('-' = none). A tag with no
// indicator/subfield part (control fields, holdings-only fields, 880) is checked for repeatability only.
export const MARC21_BIB_RULES = `
001 NR
002 NR
003 NR
005 NR
006 R
007 R
008 NR
010 NR - - a bz8
013 R - - abc6 def8
015 R - - 26 aqz8
016 R b7 - a2 z8
017 R - b8 bdi26 az8
018 NR - - a6 8
020 R - - ac6 qz8
022 R b01 - al26 myz8
024 R 0123478 b01 acd26 qz8
025 R - - - a8
026 R - - ce26 abd58
027 R - - a6 qz8
028 R 012345 0123 ab6 q8
030 R - - a6 z8
031 R - - abcegmnopr26 dqstuyz8
032 R - - ab6 8
033 R b012 b012 36 abcp028
034 R 013 b01 adefgjkmnprxyz236 bchst08
035 R - - a6 z8
036 NR - - ab6 8
037 R b23 - ab36 cfgn58
038 NR - - a6 8
040 NR - - abc6 de8
041 R b01 b7 26 abdefghjkmn8
042 NR - - - a
043 NR - - 6 abc028
044 NR - - 6 abc28
045 NR b012 - 6 abc8
046 R - - abcdejklmnop26 8
047 R - b7 2 a8
048 R - b7 2 ab8
050 R b01 04 b36 a8
051 R - - abc 8
052 R b17 - a26 bd8
055 R b01 0-9 ab2 8
060 R b01 04 b a8
061 R - - bc a8
066 NR - - ab c
070 R 01 - b a8
071 R - - bc a8
072 R - 07 a26 x8
074 R - - a z8
080 R 01 - ab26 x8
082 R 017 b04 bmq26 a8
083 R 017 - mq26 acyz8
084 R - - bq26 a8
085 R - - 6 abcfrstuvwyz8
086 R b01 - a26 z8
088 R - - a6 z8
100 NR 013 - abdflqtu6 cegjknp048
110 NR 012 - afltu6 bcdegknp048
111 NR 012 - adflqtu6 cegjknp048
130 NR 0-9 - afhlorst6 dgkmnp08
210 R 01 b0 ab6 28
222 R - 0-9 ab6 8
240 NR 01 0-9 afhlors6 dgkmnp08
242 R 01 0-9 abchy6 np8
243 NR 01 0-9 afhlors6 dgkmnp8
245 NR 01 0-9 abcfghs6 knp8
246 R 0123 b012345678 abfhi56 gnp8
247 R 01 01 abfhx6 gnp8
250 R - - ab36 8
254 NR - - a6 8
255 R - - abcdefg6 8
256 NR - - a6 8
257 R - - 26 a8
258 R - - ab6 8
260 R b23 - d36 abcefg8
261 NR - - 6 abdef8
262 NR - - abckl6 8
263 NR - - a6 8
264 R b23 01234 36 abc8
270 R b12 b07 bcdefghi6 ajklmnpqrz48
300 R - - be36 acfg8
306 NR - - 6 a8
307 R b8 - ab6 8
310 NR - - ab6 8
321 R - - ab6 8
336 R - - 236 ab08
337 R - - 236 ab08
338 R - - 236 ab08
340 R - - 236 abcdefhijkmno08
342 R 01 012345678 abcdghijklmopqrstuvw26 ef8
343 R - - abcdefghi6 8
344 R - - 236 abcdefgh08
345 R - - 236 ab08
346 R - - 236 ab08
347 R - - 236 abcdef08
348 R - - 236 ab08
351 R - - c36 ab8
352 R - - adefgi6 bcq8
355 R 0123458 - adefgh6 bcj8
357 NR - - a6 bcg8
362 R 01 - az6 8
363 R b01 b01 abcdefghijklmuv68 xz
365 R - - abcdefghijkm26 8
366 R - - abcdefgjkm26 8
370 R - - st26 cfguv08
377 R - b7 26 al8
380 R - - 26 a08
381 R - - 26 auv08
382 R b01 b01 s26 abdenpv08
383 R - - de26 abc8
384 NR b01 - a6 8
385 R - - mn236 ab08
386 R - - mn236 ab08
388 R b12 - 236 a08
400 R 013 01 abdfgltuvx6 cekmnp48
410 R 012 01 acfgltuvx6 bdeknp48
411 R 012 01 acdfglqtuvx6 eknp48
440 R - 0-9 avx6 npw08
490 R 01 - l36 avx8
500 R - - a356 8
501 R - - a56 8
502 R - - abcd6 go8
504 R - - ab6 8
505 R 0128 b0 a6 grtu8
506 R b01 - a2356 bcdefu8
507 NR - - ab6 8
508 R - - a6 8
510 R 01234 - abcx36 u8
511 R 01 - a6 8
513 R - - ab6 8
514 NR - - adefim6 bcghjkuz8
515 R - - a6 8
516 R b8 - a6 8
518 R - - a36 dop028
520 R b012348 - abc236 u8
521 R b012348 - b36 a8
522 R b8 - a6 8
524 R b8 - a236 8
525 R - - a6 8
526 R 08 - abcdi56 xz8
530 R - - abcd36 u8
533 R - - ade3567 bcfmn8
534 R - - abcelmpt36 fknoxz8
535 R 12 - ag36 bcd8
536 R - - a6 bcdefgh8
538 R - - ai356 u8
540 R - - abcd356 u8
541 R b01 - abcdefh356 no8
542 R b01 - abcgijlmoqrs36 dehknu8
544 R b01 - 36 abcden8
545 R b01 - ab6 u8
546 R - - a36 b8
547 R - - a6 8
550 R - - a6 8
552 R - - abcdghijklmn6 efopuz8
555 R b08 - acd36 bu8
556 R b8 - a6 z8
561 R b01 - a356 u8
562 R - - 356 abcde8
563 R - - a356 u8
565 R b08 - a36 bcde8
567 R b8 - a6 8
580 R - - a6 8
581 R b8 - a36 z8
583 R b01 - a2356 bcdefhijklnouxz8
584 R - - 356 ab8
585 R - - a356 8
586 R b8 - a36 8
588 R b01 - a56 8
600 R 013 01234567 abdfhloqrstu236 cegjkmnpvxyz048
610 R 012 01234567 afhlorstu236 bcdegkmnpvxyz048
611 R 012 01234567 adfhlqstu236 cegjknpvxyz048
630 R 0-9 01234567 afhlorst236 degkmnpvxyz048
648 R - 01234567 a236 vxyz08
650 R b012 01234567 abcde236 vxyz048
651 R - 01234567 a236 evxyz048
653 R b012 b0123456 6 a8
654 R b012 - 236 abcevyz048
655 R b0 01234567 a2356 bcvxyz08
656 R - 7 ak236 vxyz08
657 R - 7 a236 vxyz08
658 R - - acd26 b8
662 R - - bd26 acefgh048
700 R 013 b2 abdfhloqrstux356 cegijkmnp048
710 R 012 b2 afhlorstux356 bcdegikmnp048
711 R 012 b2 adfhlqstux356 cegijknp048
720 R b12 - a6 e48
730 R 0-9 b2 afhlorstx356 dgikmnp08
740 R 0-9 b2 ah56 np8
751 R - - a236 e048
752 R - - abcd26 fgh08
753 R - - abc6 8
754 R - - 26 acdxz08
760 R 01 b8 abcdhmstxy67 ginow48
762 R 01 b8 abcdhmstxy67 ginow48
765 R 01 b8 abcdhmstuxy67 giknorwz48
767 R 01 b8 abcdhmstuxy67 giknorwz48
770 R 01 b8 abcdhmstuxy67 giknorwz48
772 R 01 b08 abcdhmstuxy67 giknorwz48
773 R 01 b8 abdhmpqstuxy367 giknorwz48
774 R 01 b8 abcdhmstuxy67 giknorwz48
775 R 01 b8 abcdefhmstuxy67 giknorwz48
776 R 01 b8 abcdhmstuxy67 giknorwz48
777 R 01 b8 abcdhmstxy67 giknow48
780 R 01 01234567 abcdhmstuxy67 giknorwz48
785 R 01 012345678 abcdhmstuxy67 giknorwz48
786 R 01 b8 abcdhjmpstuvxy67 giknorwz48
787 R 01 b8 abcdhmstuxy67 giknorwz48
800 R 013 - abdfhloqrstuvx367 cegjkmnpw0458
810 R 012 - afhlorstuvx367 bcdegkmnpw0458
811 R 012 - adfhlqstuvx367 cegjknpw0458
830 R - 0-9 afhlorstvx367 dgkmnpw058
841 NR
842 NR
843 R
844 NR
845 R
850 R - - - a8
852 R b012345678 b012 ahjlnpqt2368 bcdefgikmsuxz
853 R
854 R
855 R
856 R b012347 b0128 hjklnopqr236 abcdfimstuvwxyz8
863 R
864 R
865 R
866 R
867 R
868 R
876 R
877 R
878 R
880 R
882 NR - - 6 aiw8
883 R b01 - acdqxu w08
884 R - - agkq u
886 R 012 - abcdefghijklmnopqrstuvwxyz0123456789 -
887 R - - a2 -
`;
