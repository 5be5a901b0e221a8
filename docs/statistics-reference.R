# The R 4.2.2 (survey 4.1.1) commands that produced the reference values in analytics-service's stats tests.
# Run: Rscript docs/statistics-reference.R

## ref1.R
options(digits=15)
for (a in list(c(47,60,.95),c(47,60,.90),c(47,60,.99),c(0,20,.95),c(20,20,.95),c(1,1,.95),c(3,250,.99),c(999,1000,.9))) {
 x<-a[1];n<-a[2];l<-a[3]
 w<-prop.test(x,n,correct=FALSE,conf.level=l)$conf.int
 cp<-binom.test(x,n,conf.level=l)$conf.int
 jl<- if (x==0) 0 else qbeta((1-l)/2,x+.5,n-x+.5); ju<- if (x==n) 1 else qbeta(1-(1-l)/2,x+.5,n-x+.5)
 cat(sprintf("%d, %d, %g, %.15g, %.15g, %.15g, %.15g, %.15g, %.15g\n",x,n,l,w[1],w[2],cp[1],cp[2],jl,ju))
}

## ref2.R
suppressMessages(library(survey)); options(digits=15, warn=-1)
counts <- c(5,0,8,17,30)
score <- rep(1:5, counts); net <- c(-1,-1,0,1,1)[score]; resc <- c(0,25,50,75,100)[score]
for (nm in c("score","net","resc")) { v<-get(nm); for (l in c(.9,.95,.99)) { ci<-t.test(v,conf.level=l)$conf.int; cat(nm,l,sprintf("%.15g",mean(v)),sprintf("%.15g",ci[1]),sprintf("%.15g",ci[2]),sprintf("%.15g", sd(v)/sqrt(length(v))),"\n") } }
d <- data.frame(score=score, net=net, sat=as.numeric(score>=4), N=200)
des <- svydesign(ids=~1, fpc=~N, data=d)
m <- svymean(~score+net+sat, des); cat("fpc svymean", sprintf("%.15g", coef(m)), sprintf("%.15g", SE(m)), "\n")
# wilson with fpc: effective n = n (N-1)/(N-n)
neff <- 60*199/140; x <- 47/60*neff
cat("wilson fpc", sprintf("%.15g", prop.test(x, neff, correct=FALSE)$conf.int), "\n")
z<-qnorm(.975); p<-47/60; cen<-(p+z^2/(2*neff))/(1+z^2/neff); h<-z*sqrt(p*(1-p)/neff+z^2/(4*neff^2))/(1+z^2/neff); cat("wilson fpc formula", sprintf("%.15g", c(cen-h,cen+h)), "\n")
cat("cp fpc", sprintf("%.15g", c(qbeta(.025,x,neff-x+1), qbeta(.975,x+1,neff-x))), "\n")
cat("t crit", sprintf("%.15g", qt(.975, 59)), "\n")

## ref3.R
suppressMessages(library(survey)); options(digits=15, warn=-1)
cells <- data.frame(age=c("young","young","mid","mid","old","old"), sex=c("f","m","f","m","f","m"), n=c(10,8,20,15,30,17), sat=c(6,3,15,10,27,14))
d <- do.call(rbind, lapply(1:6, function(i) data.frame(cell=i, age=cells$age[i], sex=cells$sex[i], sat=c(rep(1,cells$sat[i]), rep(0,cells$n[i]-cells$sat[i])))))
des <- svydesign(ids=~1, data=d)
n <- nrow(d)
pa <- data.frame(age=c("young","mid","old"), Freq=n*c(.30,.40,.30))
ps <- data.frame(sex=c("f","m"), Freq=n*c(.51,.49))
kish <- function(w) length(w)*sum(w^2)/sum(w)^2
show <- function(lbl, ds) { w <- weights(ds); cw <- tapply(w, d$cell, mean); m <- svymean(~sat, ds)
  cat(lbl, "weights", sprintf("%.15g", cw), "\n"); cat(lbl, "mean", sprintf("%.15g", coef(m)), "se", sprintf("%.15g", SE(m)), "deff", sprintf("%.15g", kish(w)), "neff", sprintf("%.15g", sum(w)^2/sum(w^2)), "\n")
  neff <- sum(w)^2/sum(w^2); cat(lbl, "wilson at neff", sprintf("%.15g", prop.test(coef(m)*neff, neff, correct=FALSE)$conf.int), "\n") }
post <- postStratify(des, ~age, pa); show("post", post)
rk <- rake(des, list(~age, ~sex), list(pa, ps), control=list(maxit=100, epsilon=1e-12)); show("rake", rk)
tr <- trimWeights(rk, upper=1.3, strict=TRUE); show("rake+trim1.3", tr)

## ref4.R
options(digits=15, warn=-1)
for (o in list(c(18,35,47), c(10,50,40,0), c(3,2,1))) { p <- c(.3,.4,.3,0)[seq_along(o)]; if (length(o)==4) p<-c(.25,.25,.25,.25); if (identical(o,c(3,2,1))) p<-c(.2,.3,.5)
 t <- chisq.test(o, p=p); cat("gof", paste(o,collapse=" "), sprintf("%.15g", t$statistic), t$parameter, sprintf("%.15g", t$p.value), "stdres", sprintf("%.15g", t$stdres), "\n") }
x <- c(9,25,41); n <- c(18,35,47)
ps <- sapply(1:3, function(g) prop.test(c(x[g], sum(x)-x[g]), c(n[g], sum(n)-n[g]), correct=FALSE)$p.value)
zs <- sapply(1:3, function(g) sqrt(prop.test(c(x[g], sum(x)-x[g]), c(n[g], sum(n)-n[g]), correct=FALSE)$statistic))
cat("vs rest p", sprintf("%.15g", ps), "\n"); cat("abs z", sprintf("%.15g", zs), "\n")
cat("BH", sprintf("%.15g", p.adjust(ps, method="BH")), "\n")
ct <- chisq.test(cbind(x, n-x), correct=FALSE); cat("indep", sprintf("%.15g", ct$statistic), ct$parameter, sprintf("%.15g", ct$p.value), "\n")
cat("BH2", sprintf("%.15g", p.adjust(c(0.01,0.04,0.03,0.005,0.2,0.9), method="BH")), "\n")
# planner
for (a in list(c(.05,.95,.5),c(.03,.99,.5),c(.02,.90,.8))) { z<-qnorm(1-(1-a[2])/2); n0<-z^2*a[3]*(1-a[3])/a[1]^2; cat("margin", a, sprintf("%.15g", n0), ceiling(n0), "N=1000", sprintf("%.15g", n0/(1+(n0-1)/1000)), ceiling(n0/(1+(n0-1)/1000)), "\n") }
for (a in list(c(.95,.90,.95,.8),c(.95,.92,.95,.9),c(.80,.85,.99,.8))) { t<-a[1];p1<-a[2];za<-qnorm(a[3]);zb<-qnorm(a[4]); n<-((za*sqrt(t*(1-t))+zb*sqrt(p1*(1-p1)))/(p1-t))^2
 pw <- function(n) pnorm((abs(p1-t)*sqrt(n) - za*sqrt(t*(1-t)))/sqrt(p1*(1-p1)))
 cat("target", a, sprintf("%.15g", n), ceiling(n), "power at ceil", sprintf("%.15g", pw(ceiling(n))), "power at ceil-1", sprintf("%.15g", pw(ceiling(n)-1)), "\n") }

## ref5.R
options(digits=15)
neff <- 100*399/300; cat("wilson fpc", sprintf("%.15g", prop.test(0.75*neff, neff, correct=FALSE)$conf.int), "\n")
cat("wilson", sprintf("%.15g", prop.test(75, 100, correct=FALSE)$conf.int), "\n")
cat("jeffreys 99", sprintf("%.15g", qbeta(c(.005,.995), 75.5, 25.5)), "\n")
net <- c(rep(1,75), rep(-1,25)); tt <- t.test(net, conf.level=.90); cat("net", mean(net), sprintf("%.15g", tt$conf.int), "\n")
sc <- c(rep(5,75), rep(2,25)); tt <- t.test(sc); cat("score", mean(sc), sprintf("%.15g", tt$conf.int), "\n")

## ref6.R: logistic-regression trend slope (LogisticTrendTest, StatisticsApiIT) and external-survey comparisons
options(digits=15, warn=-1)
slope <- function(x, n) { k <- which(n > 0); t <- k; s <- x[k]; m <- n[k]
  m0 <- glm(cbind(s, m - s) ~ t, family=binomial)
  m1 <- glm(cbind(s, m - s) ~ t, family=binomial, start=coef(m0), control=glm.control(epsilon=1e-14))
  co <- summary(m1)$coefficients["t", ]
  cat("logistic", paste(x, collapse=" "), "/", paste(n, collapse=" "), sprintf("%.15g", c(co, co[1] + c(-1, 1)*qnorm(0.975)*co[2])), "\n") }
slope(c(28,30,32,34,36,38), rep(40,6)); slope(c(80,85,88,92), rep(100,4)); slope(c(92,88,85,80), rep(100,4))
slope(c(45,52,47,50,49), c(60,70,61,65,66)); slope(c(30,0,45,60), c(40,0,50,62))
slope(c(900000000,900100000,900200000), rep(1000000000,3)); slope(c(1,9), c(10,10)); slope(c(40,39,40), rep(40,3))
slope(c(0,3,7,10), rep(10,4))
p <- c(prop.test(c(70, 250), c(100, 300), correct=FALSE)$p.value, prop.test(c(160, 160), c(200, 200), correct=FALSE)$p.value,
       prop.test(c(90, 230), c(100, 300), correct=FALSE)$p.value, prop.test(c(100, 200), c(150, 250), correct=FALSE)$p.value,
       prop.test(c(200, 100), c(250, 150), correct=FALSE)$p.value)
cat("external vs rest p", sprintf("%.15g", p), "\n"); cat("external BH", sprintf("%.15g", p.adjust(p, "BH")), "\n")
a <- chisq.test(cbind(c(70,160,90), c(30,40,10)), correct=FALSE); cat("external age indep", sprintf("%.15g", c(a$statistic, a$parameter, a$p.value)), "\n")
b <- chisq.test(cbind(c(100,200), c(50,50)), correct=FALSE); cat("external tenure indep", sprintf("%.15g", c(b$statistic, b$parameter, b$p.value)), "\n")
r <- chisq.test(c(100,200,100), p=c(.3,.5,.2)); cat("external age gof", sprintf("%.15g", c(r$statistic, r$parameter, r$p.value, r$stdres)), "\n")
r <- chisq.test(c(150,250), p=c(.6,.4)); cat("external tenure gof", sprintf("%.15g", c(r$statistic, r$parameter, r$p.value, r$stdres)), "\n")
neff <- 400*4999/4600; cat("external fpc wilson", sprintf("%.15g", prop.test(300/400*neff, neff, correct=FALSE)$conf.int),
    "se", sprintf("%.15g", sqrt(.75*.25*(5000-400)/(5000-1)/400)), "\n")
