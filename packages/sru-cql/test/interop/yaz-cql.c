/* YAZ's CQL parser as a peer: `canon` prints each stdin query's tree in the canonical form the
   interop test also derives from our AST; `bench N` parses every query N times and prints the
   elapsed nanoseconds and the number of parses. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <yaz/cql.h>

static void mods(struct cql_node *m) {
    for (; m; m = m->u.st.modifiers) {
        printf("/%s", m->u.st.index ? m->u.st.index : "");
        if (m->u.st.relation) printf("%s%s", m->u.st.relation, m->u.st.term ? m->u.st.term : "");
    }
}

static void canon(struct cql_node *n) {
    if (!n) return;
    if (n->which == CQL_NODE_ST) {
        printf("C(%s|%s", n->u.st.index, n->u.st.relation);
        mods(n->u.st.modifiers);
        printf("|%s)", n->u.st.term);
    } else if (n->which == CQL_NODE_BOOL) {
        printf("B(%s", n->u.boolean.value);
        mods(n->u.boolean.modifiers);
        printf(",");
        canon(n->u.boolean.left);
        printf(",");
        canon(n->u.boolean.right);
        printf(")");
    } else if (n->which == CQL_NODE_SORT) {
        struct cql_node *s = n;
        canon(n->u.sort.search);
        printf(" SORT");
        for (; s; s = s->u.sort.next) {
            printf(" %s", s->u.sort.index);
            mods(s->u.sort.modifiers);
        }
    }
}

int main(int argc, char **argv) {
    char line[65536];
    CQL_parser cp = cql_parser_create();
    cql_parser_strict(cp, 1); /* CQL 1.2 grammar, no juxtaposed extra terms */
    if (argc > 2 && strcmp(argv[1], "bench") == 0) {
        long rounds = atol(argv[2]);
        char **qs = 0;
        size_t nq = 0, cap = 0;
        while (fgets(line, sizeof line, stdin)) {
            line[strcspn(line, "\r\n")] = 0;
            if (nq == cap) qs = realloc(qs, (cap = cap ? cap * 2 : 64) * sizeof *qs);
            qs[nq++] = strdup(line);
        }
        struct timespec a, b;
        long count = 0;
        clock_gettime(CLOCK_MONOTONIC, &a);
        for (long r = 0; r < rounds; r++)
            for (size_t i = 0; i < nq; i++) {
                cql_parser_string(cp, qs[i]);
                count++;
            }
        clock_gettime(CLOCK_MONOTONIC, &b);
        printf("%ld %ld\n", (b.tv_sec - a.tv_sec) * 1000000000L + (b.tv_nsec - a.tv_nsec), count);
        return 0;
    }
    while (fgets(line, sizeof line, stdin)) {
        line[strcspn(line, "\r\n")] = 0;
        if (cql_parser_string(cp, line)) printf("ERROR\n");
        else {
            canon(cql_parser_result(cp));
            printf("\n");
        }
    }
    cql_parser_destroy(cp);
    return 0;
}
